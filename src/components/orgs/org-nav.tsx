import Link from "next/link";
import { can, type OrgAction, type OrgRole } from "@/lib/org-permissions";

const LINKS = [
  { path: "", label: "Overview", action: "org.view" },
  { path: "/members", label: "Members", action: "members.list" },
  { path: "/invitations", label: "Invitations", action: "invitations.manage" },
  { path: "/audit", label: "Audit log", action: "audit.view" },
  { path: "/settings", label: "Settings", action: "org.rename" },
] as const satisfies ReadonlyArray<{ path: string; label: string; action: OrgAction }>;

export type OrgSection = (typeof LINKS)[number]["path"];

/** The tabs of an organization, each shown only to the roles its page lets in. */
export function OrgNav({ slug, role, current }: { slug: string; role: OrgRole; current: OrgSection }) {
  return (
    <nav aria-label="Organization" className="flex flex-wrap gap-1 border-b border-border text-sm">
      {LINKS.filter(({ action }) => can({ role }, action)).map(({ path, label }) => (
        <Link
          key={path}
          href={`/orgs/${slug}${path}`}
          aria-current={path === current ? "page" : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 font-medium text-muted-foreground hover:text-foreground aria-[current=page]:border-primary aria-[current=page]:text-primary"
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
