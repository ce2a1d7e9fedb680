"use server";

import { redirect } from "next/navigation";
import { SUSPENDED_PATH } from "@/lib/routes";
import { resetPasswordSchema } from "@/lib/validation";
import { checkNewPassword } from "@/server/security/password-policy";
import { checkResetToken, resetPassword, resetTokenOwner } from "@/server/account/password-reset";
import { currentClientIp } from "@/server/security/client-ip";
import { rateLimitMessage } from "@/lib/format";
import { forgiveSecretTry, limitSecretTry } from "@/server/security/limits";
import { signInThisBrowser } from "@/server/sessions/cookie";
import { validatedAction } from "@/server/forms/validated-action";

const BAD_LINK = "This reset link has expired or was already used. Request a new one.";

export const resetPasswordAction = validatedAction(resetPasswordSchema, async ({ token, password }) => {
  const linkTry = { kind: "link", ip: await currentClientIp() } as const;
  const limit = await limitSecretTry(linkTry);
  if (!limit.ok) return { error: rateLimitMessage(limit.retryAfterSeconds) };
  // Judge the password before using the token up, so a weak choice doesn't cost the link.
  const check = await checkResetToken(token);
  if (!check.ok) return { error: BAD_LINK };
  await forgiveSecretTry(linkTry);
  const owner = await resetTokenOwner(check.userId);
  const weak = await checkNewPassword(password, { email: owner?.email, name: owner?.name });
  if (weak) return { fieldErrors: { password: weak } };

  const result = await resetPassword(token, password);
  if (!result.ok) return { error: BAD_LINK };
  if (!(await signInThisBrowser(result.userId, "password-reset"))) redirect(SUSPENDED_PATH);
  redirect("/dashboard");
});
