import { TabNav } from "@/components/ui/tab-nav";
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
  const links = LINKS.filter(({ action }) => can({ role }, action)).map(({ path, label }) => ({
    href: `/orgs/${slug}${path}`,
    label,
  }));
  return <TabNav label="Organization" links={links} current={`/orgs/${slug}${current}`} />;
}
