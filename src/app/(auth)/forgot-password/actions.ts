"use server";

import { redirect } from "next/navigation";
import { emailOnlySchema } from "@/lib/validation";
import { emailLimitProblem } from "@/server/forms/guards";
import { sendAfterResponse } from "@/server/mail/after-response";
import { requestPasswordReset } from "@/server/account/password-reset";
import { rememberPendingEmail } from "@/server/mail/pending-email";
import { validatedAction } from "@/server/forms/validated-action";

/** Always the same answer, in the same time; only an existing account gets an email, after the response. */
export const forgotPasswordAction = validatedAction(emailOnlySchema, async ({ email }) => {
  const limited = await emailLimitProblem(email);
  if (limited) return limited;
  sendAfterResponse(requestPasswordReset(email));
  await rememberPendingEmail(email);
  redirect("/forgot-password?sent=1");
});
