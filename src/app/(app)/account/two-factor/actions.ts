"use server";

import { redirect } from "next/navigation";
import { emptySchema, stepUpSecondFactorSchema, totpCodeSchema } from "@/lib/validation";
import { markAuthenticated, requireRecentAuthentication } from "@/server/auth/step-up";
import { securityAction } from "@/server/forms/validated-action";
import { sendAfterResponse } from "@/server/mail/after-response";
import { sendTwoFactorNotice } from "@/server/mail/messages";
import { currentClientIp } from "@/server/security/client-ip";
import { recordSecurityEvent } from "@/server/security/security-log";
import { replaceBackupCodes } from "@/server/two-factor/backup-codes";
import {
  cancelTwoFactorSetup,
  disableTwoFactor,
  enableTwoFactor,
  startTwoFactorSetup,
} from "@/server/two-factor/factor";
import { forgetAllDevices } from "@/server/two-factor/remembered-devices";
import { checkSecondFactor } from "@/server/two-factor/second-factor";

const PAGE = "/account/two-factor";

function notify(email: string | null | undefined, kind: Parameters<typeof sendTwoFactorNotice>[1]) {
  if (email) sendAfterResponse(() => sendTwoFactorNotice(email, kind).then(() => undefined));
}

/** Every change here changes how the account signs in: each needs a recent sign-in (step-up) or, to turn it off, the second factor. */
export const startTwoFactorSetupAction = securityAction(emptySchema, async (_data, session) => {
  requireRecentAuthentication(session, PAGE);
  await startTwoFactorSetup(session.user.id);
  redirect(PAGE);
});

export const cancelTwoFactorSetupAction = securityAction(emptySchema, async (_data, session) => {
  await cancelTwoFactorSetup(session.user.id);
  redirect(PAGE);
});

export const enableTwoFactorAction = securityAction(totpCodeSchema, async ({ code }, session) => {
  requireRecentAuthentication(session, PAGE);
  const backupCodes = await enableTwoFactor(session.user.id, code);
  if (!backupCodes) {
    return { fieldErrors: { code: "That code is not right. Check the app shows this account, and try the new code." } };
  }
  await recordSecurityEvent(session.user.id, "two-factor-enabled");
  notify(session.user.email, "enabled");
  return { success: "Two-factor authentication is on.", backupCodes };
});

export const replaceBackupCodesAction = securityAction(emptySchema, async (_data, session) => {
  requireRecentAuthentication(session, PAGE);
  const backupCodes = await replaceBackupCodes(session.user.id);
  await forgetAllDevices(session.user.id);
  await recordSecurityEvent(session.user.id, "backup-codes-replaced");
  notify(session.user.email, "backup-codes-replaced");
  return { success: "New backup codes made. The old ones no longer work.", backupCodes };
});

// The second factor entered here is the step-up itself (with two-factor on, the only one there is).
export const disableTwoFactorAction = securityAction(stepUpSecondFactorSchema, async ({ code }, session) => {
  const user = { id: session.user.id, email: session.user.email ?? "" };
  const result = await checkSecondFactor(user, code, await currentClientIp());
  if (!result.ok) return { fieldErrors: { code: result.error } };
  // That proof is a step-up too: turning it back on next needs no other.
  await markAuthenticated(session.sessionId);
  await disableTwoFactor(session.user.id);
  await recordSecurityEvent(session.user.id, "two-factor-disabled");
  notify(session.user.email, "disabled");
  redirect(`${PAGE}?notice=off`);
});
