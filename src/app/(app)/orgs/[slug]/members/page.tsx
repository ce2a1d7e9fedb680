import type { Metadata } from "next";
import { ButtonForm } from "@/components/forms/button-form";
import { OrgNav } from "@/components/orgs/org-nav";
import { ROLE_LABELS } from "@/components/orgs/role-select";
import { Alert } from "@/components/ui/alert";
import { Badge, ListItem } from "@/components/ui/list-item";
import { formatDateTime } from "@/lib/format";
import { can, canActOn, canGrant, isOrgRole, ORG_ROLES } from "@/lib/org-permissions";
import { requireOrgMember } from "@/server/orgs/membership";
import { listMembers } from "@/server/orgs/members";
import { leaveOrganizationAction, removeMemberAction } from "./actions";
import { ChangeRoleForm } from "./forms";

export const metadata: Metadata = { title: "Members" };

const NOTICES: Record<string, string> = {
  "role-changed": "The role was changed. They have been told by email.",
  removed: "They were removed, and told by email. Their next request is refused.",
};

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const { member } = await requireOrgMember((await params).slug, "members.list");
  const { notice } = await searchParams;
  const members = await listMembers(member.organization.id);
  const grantable = ORG_ROLES.filter((role) => canGrant(member.role, role));

  return (
    <>
      <OrgNav slug={member.organization.slug} role={member.role} current="/members" />
      {notice && Object.hasOwn(NOTICES, notice) ? <Alert tone="info">{NOTICES[notice]}</Alert> : null}
      <ul className="space-y-3" aria-label="Members">
        {members.map((m) => {
          const self = m.user.id === member.userId;
          const role = isOrgRole(m.role) ? m.role : "member";
          const manageable = !self && canActOn(member.role, role);
          const name = m.user.name || m.user.email;
          return (
            <ListItem
              key={m.id}
              actionsBelow={manageable}
              title={
                <>
                  {name}
                  <Badge>{ROLE_LABELS[role]}</Badge>
                  {self ? <Badge tone="success">You</Badge> : null}
                </>
              }
              details={
                <>
                  {m.user.email} · joined {formatDateTime(m.createdAt)}
                </>
              }
            >
              {manageable ? (
                <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
                  {can(member, "members.changeRole") ? (
                    <ChangeRoleForm membershipId={m.id} role={role} roles={grantable} memberName={name} />
                  ) : null}
                  <div className="sm:w-36">
                    <ButtonForm
                      action={removeMemberAction}
                      label={`Remove ${name}`}
                      values={{ membershipId: m.id }}
                      submitLabel="Remove"
                      pendingLabel="Removing…"
                      variant="secondary"
                    />
                  </div>
                </div>
              ) : self ? (
                <div className="sm:w-36">
                  <ButtonForm
                    action={leaveOrganizationAction}
                    label="Leave the organization"
                    submitLabel="Leave"
                    pendingLabel="Leaving…"
                    variant="secondary"
                  />
                </div>
              ) : (
                <span />
              )}
            </ListItem>
          );
        })}
      </ul>
    </>
  );
}
