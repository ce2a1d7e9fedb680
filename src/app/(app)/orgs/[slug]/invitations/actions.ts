"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { rateLimitMessage } from "@/lib/format";
import { invitationIdSchema, inviteSchema } from "@/lib/org-schemas";
import { inviteMember, resendInvitation, revokeInvitation, type InviteResult } from "@/server/orgs/invitations";
import { orgAction, refusal } from "@/server/orgs/org-action";

function problem(result: Exclude<InviteResult, { ok: true }> | { ok: false; reason: "not-found" }): ActionState {
  switch (result.reason) {
    case "rate-limited":
      return { error: rateLimitMessage(result.retryAfterSeconds) };
    case "already-member":
      return { fieldErrors: { email: "They are already a member." } };
    case "mail-failed":
      return { error: "We couldn't send the invitation email, so no invitation was made. Try again in a moment." };
    case "not-found":
      return { error: "That invitation is no longer pending. Reload the page." };
    default:
      return refusal(result.reason);
  }
}

export const inviteMemberAction = orgAction(inviteSchema, "invitations.manage", async ({ email, role }, { member }) => {
  const result = await inviteMember(member, email, role);
  if (!result.ok) return problem(result);
  redirect(`/orgs/${member.organization.slug}/invitations?notice=sent`);
});

export const resendInvitationAction = orgAction(invitationIdSchema, "invitations.manage", async (data, { member }) => {
  const result = await resendInvitation(member, data.invitationId);
  if (!result.ok) return problem(result);
  redirect(`/orgs/${member.organization.slug}/invitations?notice=resent`);
});

export const revokeInvitationAction = orgAction(invitationIdSchema, "invitations.manage", async (data, { member }) => {
  const result = await revokeInvitation(member, data.invitationId);
  if (result !== "done") return result === "not-found" ? problem({ ok: false, reason: result }) : refusal(result);
  redirect(`/orgs/${member.organization.slug}/invitations?notice=revoked`);
});
