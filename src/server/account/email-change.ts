import "server-only";
import { db } from "../db";
import type { MailJob } from "../mail/after-response";
import { sendConfirmEmailChangeEmail, sendEmailChangedNotice, sendNotice } from "../mail/messages";
import { checkToken, consumeToken, issueTokenEmail, type TokenResult } from "../security/email-tokens";
import { recordSecurityEvent } from "../security/security-log";
import { revokeOtherSessions } from "../sessions/store";

/**
 * The job that sends the new address a confirmation link (deleting it if the send fails), unless
 * the address belongs to another account. The check is part of the job, so the settings page
 * answers both in the same time and words: it can't be used to find out who has an account.
 */
export function requestEmailChange(userId: string, newEmail: string): MailJob {
  return async () => {
    if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) return;
    const send = await issueTokenEmail({ userId, purpose: "change-email", email: newEmail }, ({ token }) =>
      sendConfirmEmailChangeEmail(newEmail, token),
    );
    await send();
  };
}

export function checkEmailChangeToken(token: string): Promise<TokenResult> {
  return checkToken("change-email", token);
}

/**
 * Switches the account to the confirmed new address, signs out every other session, and tells
 * the old address.
 */
export async function confirmEmailChange(userId: string, sessionId: string, token: string): Promise<TokenResult> {
  const check = await checkToken("change-email", token);
  if (!check.ok || check.userId !== userId) return check.ok ? { ok: false, reason: "invalid" } : check;
  if (await db.user.findUnique({ where: { email: check.email }, select: { id: true } })) {
    await consumeToken("change-email", token);
    return { ok: false, reason: "invalid" };
  }
  const result = await consumeToken("change-email", token);
  if (!result.ok) return result;
  const { email: oldEmail } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  await db.user.update({ where: { id: userId }, data: { email: result.email, emailVerified: new Date() } });
  await revokeOtherSessions(userId, sessionId);
  await recordSecurityEvent(userId, "email-changed", `${oldEmail} → ${result.email}`);
  // Sign-in emails requested for the old address must not work any more.
  await db.verificationToken.deleteMany({ where: { identifier: oldEmail } });
  await db.signInCode.deleteMany({ where: { identifier: oldEmail } });
  await sendNotice("email-changed", () => sendEmailChangedNotice(oldEmail, result.email));
  return result;
}
