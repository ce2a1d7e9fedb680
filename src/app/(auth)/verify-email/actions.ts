"use server";

import { redirect } from "next/navigation";
import { emailOnlySchema, tokenSchema, verificationCodeSchema } from "@/lib/validation";
import { resendVerification, verifyEmailWithCode, verifyEmailWithToken, type VerifyResult } from "@/server/accounts";
import { emailLimitProblem } from "@/server/action-guards";
import { sendAfterResponse } from "@/server/mail/after-response";
import { rememberPendingEmail } from "@/server/pending-email";
import { currentClientIp } from "@/server/security/client-ip";
import { rateLimitMessage } from "@/lib/format";
import { limitCodeGuess } from "@/server/security/limits";
import { startSession } from "@/server/session-cookie";
import { validatedAction } from "@/server/validated-action";

const FAILED = {
  invalid: "That link or code is not valid. It may have been used already, or a newer one was sent.",
  expired: "That link or code has expired. Send a new one below.",
} as const;

async function finish(result: VerifyResult) {
  if (!result.ok) return { error: FAILED[result.reason] };
  await startSession(result.userId, "email-verification");
  redirect("/dashboard");
}

/** The button on /verify-email?token=…: only this POST uses the token (mail scanners only GET). */
export const confirmEmailAction = validatedAction(tokenSchema, async ({ token }) => {
  const limit = await limitCodeGuess(null, await currentClientIp());
  if (!limit.ok) return { error: rateLimitMessage(limit.retryAfterSeconds) };
  return finish(await verifyEmailWithToken(token));
});

export const verifyCodeAction = validatedAction(verificationCodeSchema, async ({ email, code }) => {
  const limit = await limitCodeGuess(email, await currentClientIp());
  if (!limit.ok) return { error: rateLimitMessage(limit.retryAfterSeconds) };
  return finish(await verifyEmailWithCode(email, code));
});

/** Same answer, in the same time, whether or not there is an unconfirmed account for the address. */
export const resendVerificationAction = validatedAction(emailOnlySchema, async ({ email }) => {
  const limited = await emailLimitProblem(email);
  if (limited) return limited;
  sendAfterResponse(await resendVerification(email));
  await rememberPendingEmail(email);
  redirect("/verify-email?resent=1");
});
