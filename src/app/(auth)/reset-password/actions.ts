"use server";

import { redirect } from "next/navigation";
import { resetPasswordSchema } from "@/lib/validation";
import { db } from "@/server/db";
import { checkNewPassword } from "@/server/password-policy";
import { checkResetToken, resetPassword } from "@/server/password-reset";
import { startSession } from "@/server/session-cookie";
import { validatedAction } from "@/server/validated-action";

const BAD_LINK = "This reset link has expired or was already used. Request a new one.";

export const resetPasswordAction = validatedAction(resetPasswordSchema, async ({ token, password }) => {
  // Judge the password before using the token up, so a weak choice doesn't cost the link.
  const check = await checkResetToken(token);
  if (!check.ok) return { error: BAD_LINK };
  const user = await db.user.findUnique({ where: { id: check.userId }, select: { email: true, name: true } });
  const weak = await checkNewPassword(password, { email: user?.email, name: user?.name });
  if (weak) return { fieldErrors: { password: weak } };

  const result = await resetPassword(token, password);
  if (!result.ok) return { error: BAD_LINK };
  await startSession(result.userId, "password-reset");
  redirect("/dashboard");
});
