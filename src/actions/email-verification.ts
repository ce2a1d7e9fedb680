"use server";

// Shared server actions for confirming an email address: /verify-email and the password sign-in
// form (which offers to resend) both use them.

import { redirect } from "next/navigation";
import { SUSPENDED_PATH } from "@/lib/routes";
import { emailOnlySchema, tokenSchema, verificationCodeSchema } from "@/lib/validation";
import {
  resendVerification,
  verifyEmailWithCode,
  verifyEmailWithToken,
  type VerifyResult,
} from "@/server/account/email-verification";
import { emailLimitProblem } from "@/server/forms/guards";
import { sendAfterResponse } from "@/server/mail/after-response";
import { rememberPendingEmail } from "@/server/mail/pending-email";
import { currentClientIp } from "@/server/security/client-ip";
import { rateLimitMessage } from "@/lib/format";
import { forgiveSecretTry, limitSecretTry, type SecretTry } from "@/server/security/limits";
import { signInThisBrowser } from "@/server/sessions/cookie";
import { INVITATION_PATH, readInvitationToken } from "@/server/orgs/invitation-cookie";
import { validatedAction } from "@/server/forms/validated-action";

const FAILED = {
  invalid: "That link or code is not valid. It may have been used already, or a newer one was sent.",
  expired: "That link or code has expired. Send a new one below.",
} as const;

async function finish(result: VerifyResult, secretTry: SecretTry) {
  if (!result.ok) return { error: FAILED[result.reason] };
  await forgiveSecretTry(secretTry);
  if (!(await signInThisBrowser(result.userId, "email-verification"))) redirect(SUSPENDED_PATH);
  // Signed up from an invitation: back to it, to accept.
  redirect((await readInvitationToken()) ? INVITATION_PATH : "/dashboard");
}

/** The button on /verify-email?token=…: only this POST uses the token (mail scanners only GET). */
export const confirmEmailAction = validatedAction(tokenSchema, async ({ token }) => {
  const linkTry = { kind: "link", ip: await currentClientIp() } as const;
  const limit = await limitSecretTry(linkTry);
  if (!limit.ok) return { error: rateLimitMessage(limit.retryAfterSeconds) };
  return finish(await verifyEmailWithToken(token), linkTry);
});

export const verifyCodeAction = validatedAction(verificationCodeSchema, async ({ email, code }) => {
  const codeTry = { kind: "code", email, ip: await currentClientIp() } as const;
  const limit = await limitSecretTry(codeTry);
  if (!limit.ok) return { error: rateLimitMessage(limit.retryAfterSeconds) };
  return finish(await verifyEmailWithCode(email, code), codeTry);
});

/** Same answer, in the same time, whether or not there is an unconfirmed account for the address. */
export const resendVerificationAction = validatedAction(emailOnlySchema, async ({ email }) => {
  const limited = await emailLimitProblem(email);
  if (limited) return limited;
  sendAfterResponse(resendVerification(email));
  await rememberPendingEmail(email);
  redirect("/verify-email?resent=1");
});
