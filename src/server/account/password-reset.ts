import "server-only";
import { checkToken, consumeToken, issueTokenEmail, type TokenResult } from "../security/email-tokens";
import { db } from "../db";
import { sendNotice, sendPasswordChangedEmail, sendResetPasswordEmail } from "../mail/messages";
import type { MailJob } from "../mail/after-response";
import { hashPassword } from "../security/password-hashing";
import { recordSecurityEvent } from "../security/security-log";
import { revokeAllSessions } from "../sessions/store";

/**
 * The job that looks the address up and, when it has an account, issues and sends a reset link
 * (deleting it if the send fails). Nothing is awaited before the job runs, so the caller answers
 * an unknown address in the same time, with the same words.
 */
export function requestPasswordReset(email: string): MailJob {
  return async () => {
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) return;
    const send = await issueTokenEmail({ userId: user.id, purpose: "reset-password", email }, ({ token }) =>
      sendResetPasswordEmail(email, token),
    );
    await send();
  };
}

/** For the reset page: is the link still good, and whose is it (for the strength check)? */
export async function checkResetToken(token: string): Promise<TokenResult> {
  return checkToken("reset-password", token);
}

/** The name and address the strength check should treat as guessable for this link's owner. */
export async function resetTokenOwner(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
}

/**
 * Sets the new password (already checked against the policy), signs the user out everywhere,
 * marks the address verified (the link proved it) and sends a notice.
 */
export async function resetPassword(token: string, newPassword: string): Promise<TokenResult> {
  const passwordHash = await hashPassword(newPassword);
  const result = await consumeToken("reset-password", token);
  if (!result.ok) return result;
  const user = await db.user.findUnique({ where: { id: result.userId }, select: { email: true, emailVerified: true } });
  if (!user || user.email !== result.email) return { ok: false, reason: "invalid" };
  await db.user.update({
    where: { id: result.userId },
    data: { passwordHash, emailVerified: user.emailVerified ?? new Date() },
  });
  await revokeAllSessions(result.userId);
  await recordSecurityEvent(result.userId, "password-reset");
  await sendNotice("password-changed", () => sendPasswordChangedEmail(user.email, "changed"));
  return result;
}
