"use server";

import { redirect } from "next/navigation";
import { signUpSchema } from "@/lib/validation";
import { registerWithPassword } from "@/server/accounts";
import { sendWithinEmailLimits } from "@/server/action-guards";
import { checkNewPassword } from "@/server/password-policy";
import { rememberPendingEmail } from "@/server/pending-email";
import { currentClientIp } from "@/server/request-info";
import { validatedAction } from "@/server/validated-action";

/**
 * New or existing address, the answer is the same "check your email" page: a new account gets a
 * confirmation link + code, an existing one gets a "you already have an account" email.
 */
export const signUpAction = validatedAction(signUpSchema, async ({ name, email, password }) => {
  const weak = await checkNewPassword(password, { email, name });
  if (weak) return { fieldErrors: { password: weak } };

  const failed = await sendWithinEmailLimits(email, () => registerWithPassword({ email, password, name }), [
    ["signUpIp", `ip:${await currentClientIp()}`],
  ]);
  if (failed) return failed;
  await rememberPendingEmail(email);
  redirect("/verify-email");
});
