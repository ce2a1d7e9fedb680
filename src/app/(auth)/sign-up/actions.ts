"use server";

import { redirect } from "next/navigation";
import { signUpSchema } from "@/lib/validation";
import { registerWithPassword } from "@/server/accounts";
import { MailDeliveryError } from "@/server/mail";
import { checkNewPassword } from "@/server/password-policy";
import { rememberPendingEmail } from "@/server/pending-email";
import { consumeRateLimits, rateLimitMessage } from "@/server/rate-limit";
import { currentClientIp } from "@/server/request-info";
import { validatedAction } from "@/server/validated-action";

/**
 * New or existing address, the answer is the same "check your email" page: a new account gets a
 * confirmation link + code, an existing one gets a "you already have an account" email.
 */
export const signUpAction = validatedAction(signUpSchema, async ({ name, email, password }) => {
  const weak = await checkNewPassword(password, { email, name });
  if (weak) return { fieldErrors: { password: weak } };

  const limit = await consumeRateLimits([
    ["signUpIp", `ip:${await currentClientIp()}`],
    ["emailSend", email],
  ]);
  if (!limit.ok) return { error: rateLimitMessage(limit.retryAfterSeconds) };

  try {
    await registerWithPassword({ email, password, name });
  } catch (error) {
    if (error instanceof MailDeliveryError) {
      return { error: "We couldn't send the confirmation email. Check the address and try again in a moment." };
    }
    throw error;
  }
  await rememberPendingEmail(email);
  redirect("/verify-email");
});
