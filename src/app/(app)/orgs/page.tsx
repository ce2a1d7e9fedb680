import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ROLE_LABELS } from "@/components/orgs/role-select";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { isOrgRole } from "@/lib/org-permissions";
import { myOrganizations } from "@/server/orgs/membership";
import { requireSession } from "@/server/sessions/current";

export const metadata: Metadata = { title: "Organizations" };

/**
 * /orgs: back to the organization the user last opened, while they still belong to it
 * (User.lastOrganizationId picks only this; the URL is the org context everywhere else), or the
 * list of their organizations. `?all` always shows the list.
 */
const NOTICES: Record<string, string> = {
  left: "You left the organization.",
  deleted: "The organization was deleted.",
};

export default async function OrganizationsPage({
  searchParams,
}: {
  searchParams: Promise<{ all?: string; notice?: string }>;
}) {
  const session = await requireSession("/orgs");
  const { memberships, lastOrganizationId } = await myOrganizations(session.user.id);
  const { all, notice } = await searchParams;
  const showAll = all !== undefined;
  const last = memberships.find((m) => m.organization.id === lastOrganizationId);
  if (last && !showAll) redirect(`/orgs/${last.organization.slug}`);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Organizations</h1>
        <Link href="/orgs/new" className={buttonClass("primary", "w-auto")}>
          New organization
        </Link>
      </div>
      {notice && Object.hasOwn(NOTICES, notice) ? <Alert tone="info">{NOTICES[notice]}</Alert> : null}
      {memberships.length === 0 ? (
        <Card>
          <p className="text-sm text-muted-foreground">
            You don&apos;t belong to an organization yet. Create one, or open the invitation link someone sent you.
          </p>
        </Card>
      ) : (
        <ul className="space-y-3" aria-label="Your organizations">
          {memberships.map(({ organization, role }) => (
            <li key={organization.id}>
              <Link
                href={`/orgs/${organization.slug}`}
                className="block rounded-lg border border-border bg-card p-4 hover:bg-accent"
              >
                <span className="font-semibold">{organization.name}</span>
                <span className="ml-2 text-sm text-muted-foreground">
                  /orgs/{organization.slug} · {isOrgRole(role) ? ROLE_LABELS[role] : role}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
