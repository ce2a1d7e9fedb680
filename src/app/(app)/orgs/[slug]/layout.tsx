import type { ReactNode } from "react";
import { OrgSwitcher } from "@/components/orgs/org-switcher";
import { myOrganizations, requireOrgMember } from "@/server/orgs/membership";
import { rememberLastOrganization } from "@/server/orgs/organizations";

/**
 * Every /orgs/[slug] page: the user must be a member of the organization the URL names (404
 * otherwise, whether it exists or not). Each page checks its own action again: layouts are not
 * re-rendered on every navigation, so they never guard a page alone.
 */
export default async function OrgLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const { member } = await requireOrgMember(slug);
  const { memberships, lastOrganizationId } = await myOrganizations(member.userId);
  if (lastOrganizationId !== member.organization.id) {
    await rememberLastOrganization(member.userId, member.organization.id);
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-muted-foreground">Organization</p>
          <h1 className="text-3xl font-bold tracking-tight break-words">{member.organization.name}</h1>
        </div>
        <OrgSwitcher
          current={member.organization}
          organizations={memberships.map(({ organization }) => organization)}
        />
      </div>
      {children}
    </div>
  );
}
