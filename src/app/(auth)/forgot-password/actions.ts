"use server";

import { redirect } from "next/navigation";
import { emailOnlySchema } from "@/lib/validation";
import { MailDeliveryError } from "@/server/mail";
import { requestPasswordReset } from "@/server/password-reset";
import { rememberPendingEmail } from "@/server/pending-email";
import { consumeRateLimits, rateLimitMessage } from "@/server/rate-limit";
import { currentClientIp } from "@/server/request-info";
import { validatedAction } from "@/server/validated-action";

/** Always the same answer; only an existing account gets an email. */
export const forgotPasswordAction = validatedAction(emailOnlySchema, async ({ email }) => {
  const limit = await consumeRateLimits([
    ["emailSend", email],
    ["emailSendIp", `ip:${await currentClientIp()}`],
  ]);
  if (!limit.ok) return { error: rateLimitMessage(limit.retryAfterSeconds) };
  try {
    await requestPasswordReset(email);
  } catch (error) {
    if (error instanceof MailDeliveryError) return { error: "We couldn't send the email. Try again in a moment." };
    throw error;
  }
  await rememberPendingEmail(email);
  redirect("/forgot-password?sent=1");
});
