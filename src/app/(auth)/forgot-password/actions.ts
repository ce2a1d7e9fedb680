"use server";

import { redirect } from "next/navigation";
import { emailOnlySchema } from "@/lib/validation";
import { sendWithinEmailLimits } from "@/server/action-guards";
import { requestPasswordReset } from "@/server/password-reset";
import { rememberPendingEmail } from "@/server/pending-email";
import { validatedAction } from "@/server/validated-action";

/** Always the same answer; only an existing account gets an email. */
export const forgotPasswordAction = validatedAction(emailOnlySchema, async ({ email }) => {
  const failed = await sendWithinEmailLimits(email, () => requestPasswordReset(email));
  if (failed) return failed;
  await rememberPendingEmail(email);
  redirect("/forgot-password?sent=1");
});
