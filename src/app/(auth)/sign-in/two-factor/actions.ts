"use server";

import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { SIGN_IN_PATH } from "@/lib/routes";
import { secondFactorSchema } from "@/lib/validation";
import { validatedAction } from "@/server/forms/validated-action";
import { currentClientIp } from "@/server/security/client-ip";
import { getPendingSession } from "@/server/sessions/current";
import { checkSecondFactor, completePendingSession } from "@/server/two-factor/second-factor";

/** The second step of signing in: a code from the authenticator app, or a backup code. */
export const completeTwoFactorAction = validatedAction(secondFactorSchema, async ({ code, remember, callbackUrl }) => {
  const session = await getPendingSession();
  if (!session?.user.email) redirect(SIGN_IN_PATH);
  const result = await checkSecondFactor(
    { id: session.user.id, email: session.user.email },
    code,
    await currentClientIp(),
  );
  if (!result.ok) return { fieldErrors: { code: result.error } };
  if (!(await completePendingSession(session.sessionId, session.user.id, remember === "on"))) redirect(SIGN_IN_PATH);
  redirect(safeCallbackPath(callbackUrl));
});
