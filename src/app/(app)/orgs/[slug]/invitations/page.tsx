import type { Metadata } from "next";
import { ButtonForm } from "@/components/forms/button-form";
import { OrgNav } from "@/components/orgs/org-nav";
import { ROLE_LABELS } from "@/components/orgs/role-select";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ListItem } from "@/components/ui/list-item";
import { formatDateTime } from "@/lib/format";
import { canGrant, isOrgRole, ORG_ROLES } from "@/lib/org-permissions";
import { INVITATION_LIFETIME_DAYS, listPendingInvitations } from "@/server/orgs/invitations";
import { requireOrgMember } from "@/server/orgs/membership";
import { resendInvitationAction, revokeInvitationAction } from "./actions";
import { InviteForm } from "./forms";

export const metadata: Metadata = { title: "Invitations" };

const NOTICES: Record<string, string> = {
  sent: "Invitation sent.",
  resent: "A new link was sent; the old one no longer works.",
  revoked: "The invitation was revoked; its link no longer works.",
};

export default async function InvitationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const { member } = await requireOrgMember((await params).slug, "invitations.manage");
  const { notice } = await searchParams;
  const invitations = await listPendingInvitations(member.organization.id);
  const now = new Date();

  return (
    <>
      <OrgNav slug={member.organization.slug} role={member.role} current="/invitations" />
      {notice && Object.hasOwn(NOTICES, notice) ? <Alert tone="info">{NOTICES[notice]}</Alert> : null}
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Invite someone</h2>
        <p className="mb-4 text-sm text-muted-foreground">
          They get a link that works for {INVITATION_LIFETIME_DAYS} days, for their address only.
        </p>
        <InviteForm roles={ORG_ROLES.filter((role) => canGrant(member.role, role))} />
      </Card>
      <h2 className="text-lg font-semibold">Pending invitations</h2>
      {invitations.length === 0 ? (
        <p className="text-sm text-muted-foreground">None.</p>
      ) : (
        <ul className="space-y-3" aria-label="Pending invitations">
          {invitations.map((invitation) => {
            const role = isOrgRole(invitation.role) ? invitation.role : "member";
            const mayManage = canGrant(member.role, role);
            const expired = invitation.expiresAt <= now;
            return (
              <ListItem
                key={invitation.id}
                title={invitation.email}
                details={
                  <>
                    {ROLE_LABELS[role]} · invited by{" "}
                    {invitation.inviter?.name || invitation.inviter?.email || "a former member"} ·{" "}
                    {expired ? "expired" : "expires"} {formatDateTime(invitation.expiresAt)}
                  </>
                }
              >
                {mayManage ? (
                  <div className="flex gap-2 sm:w-72">
                    <ButtonForm
                      action={resendInvitationAction}
                      label={`Send a new link to ${invitation.email}`}
                      values={{ invitationId: invitation.id }}
                      submitLabel="Resend"
                      pendingLabel="Sending…"
                      variant="secondary"
                    />
                    <ButtonForm
                      action={revokeInvitationAction}
                      label={`Revoke the invitation to ${invitation.email}`}
                      values={{ invitationId: invitation.id }}
                      submitLabel="Revoke"
                      pendingLabel="Revoking…"
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
      )}
    </>
  );
}
