"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { rateLimitMessage } from "@/lib/format";
import { emptySchema } from "@/lib/validation";
import { validatedAction } from "@/server/forms/validated-action";
import { auth } from "@/auth";
import { forgetInvitationToken, readInvitationToken } from "@/server/orgs/invitation-cookie";
import { respondToInvitation } from "@/server/orgs/invitation-response";
import { currentClientIp } from "@/server/security/client-ip";

/**
 * Accept or decline the invitation in this browser's cookie, as the signed-in user. Who answers is
 * the session's user; which invitation, the cookie's token; nothing in the body decides either.
 */
async function respond(answer: "accept" | "decline"): Promise<ActionState> {
  const session = await auth();
  if (!session?.user) redirect("/sign-in?callbackUrl=%2Finvite");
  const token = await readInvitationToken();
  if (!token) return { error: "Open the link from your invitation email again." };
  const result = await respondToInvitation(token, session.user.id, answer, await currentClientIp());
  if (!result.ok) {
    return result.reason === "rate-limited"
      ? { error: rateLimitMessage(result.retryAfterSeconds) }
      : { error: "This invitation link isn't valid any more. Ask for a new invitation." };
  }
  switch (result.outcome) {
    case "joined":
    case "already-member":
      await forgetInvitationToken();
      redirect(`/orgs/${result.slug}?notice=${result.outcome}`);
    case "wrong-account":
      return { error: "This invitation is for another email address. Sign out, then sign in with that address." };
    case "unconfirmed":
      return { error: "Confirm your email address first (we emailed you a link), then come back to this page." };
    default:
      // Declined, or the invitation changed meanwhile: the page says which.
      redirect("/invite");
  }
}

export const acceptInvitationAction = validatedAction(emptySchema, async () => respond("accept"));
export const declineInvitationAction = validatedAction(emptySchema, async () => respond("decline"));
