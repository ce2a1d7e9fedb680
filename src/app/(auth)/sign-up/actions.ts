"use server";

import { redirect } from "next/navigation";
import { signUpSchema } from "@/lib/validation";
import { registerWithPassword } from "@/server/account/sign-up";
import { emailLimitProblem } from "@/server/forms/guards";
import { sendAfterResponse } from "@/server/mail/after-response";
import { checkNewPassword } from "@/server/security/password-policy";
import { rememberPendingEmail } from "@/server/mail/pending-email";
import { currentClientIp } from "@/server/security/client-ip";
import { rateLimitMessage } from "@/lib/format";
import { limitSignUp } from "@/server/security/limits";
import { validatedAction } from "@/server/forms/validated-action";

/**
 * New or existing address, the answer is the same "check your email" page, in the same time: a
 * new account gets a confirmation link + code, an existing one a "you already have an account"
 * email, and either goes out after the response. The limits come first, before the password's
 * strength estimate and breach lookup spend anything.
 */
export const signUpAction = validatedAction(signUpSchema, async ({ name, email, password }) => {
  const signUps = await limitSignUp(await currentClientIp());
  if (!signUps.ok) return { error: rateLimitMessage(signUps.retryAfterSeconds) };
  const limited = await emailLimitProblem(email);
  if (limited) return limited;

  const weak = await checkNewPassword(password, { email, name });
  if (weak) return { fieldErrors: { password: weak } };

  sendAfterResponse(await registerWithPassword({ email, password, name }));
  await rememberPendingEmail(email);
  redirect("/verify-email");
});
