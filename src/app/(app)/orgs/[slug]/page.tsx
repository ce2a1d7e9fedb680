import type { Metadata } from "next";
import { OrgNav } from "@/components/orgs/org-nav";
import { ROLE_LABELS } from "@/components/orgs/role-select";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { can } from "@/lib/org-permissions";
import { requireOrgMember } from "@/server/orgs/membership";
import { countMembers } from "@/server/orgs/members";

export const metadata: Metadata = { title: "Organization" };

const NOTICES: Record<string, string> = {
  created: "Your organization is ready. Invite the people you work with.",
  joined: "Welcome! You are now a member.",
  "already-member": "You were already a member: your role stays as it was.",
  transferred: "Ownership was transferred. You are now an admin.",
};

export default async function OrganizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const { member } = await requireOrgMember((await params).slug);
  const { notice } = await searchParams;
  const slug = member.organization.slug;
  const members = await countMembers(member.organization.id);
  return (
    <>
      <OrgNav slug={slug} role={member.role} current="" />
      {notice && Object.hasOwn(NOTICES, notice) ? <Alert tone="info">{NOTICES[notice]}</Alert> : null}
      <Card>
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-muted-foreground">Your role</dt>
            <dd className="mt-1 font-medium" data-testid="org-role">
              {ROLE_LABELS[member.role]}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">Members</dt>
            <dd className="mt-1 font-medium">{members}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">URL</dt>
            <dd className="mt-1 font-medium break-all">/orgs/{slug}</dd>
          </div>
        </dl>
        <p className="mt-6 text-sm text-muted-foreground">
          This is your organization&apos;s home: build your product&apos;s pages under{" "}
          <code>src/app/(app)/orgs/[slug]/</code>.{" "}
          {can(member, "invitations.manage") ? (
            <TextLink href={`/orgs/${slug}/invitations`}>Invite people</TextLink>
          ) : null}
        </p>
      </Card>
    </>
  );
}
