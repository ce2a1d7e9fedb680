import "server-only";
import { rateLimitMessage } from "@/lib/format";
import { checkPassword } from "../auth/password-check";
import { db } from "../db";
import { sendNotice, sendPasswordChangedEmail } from "../mail/messages";
import { hashPassword } from "../security/password-hashing";
import { recordSecurityEvent } from "../security/security-log";
import { revokeOtherSessions } from "../sessions/store";

export type PasswordChangeResult =
  | { ok: true }
  | { ok: false; field: "currentPassword" | "newPassword"; message: string }
  | { ok: false; field: "form"; message: string };

/**
 * Changes the password and signs out every other session. The current password is checked the
 * way every password is (rate limits, lockout), and it is this change's step-up.
 */
export async function changePassword(params: {
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  ip: string;
}): Promise<PasswordChangeResult> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: params.userId },
    select: { email: true, passwordHash: true },
  });
  const check = user.passwordHash ? await checkPassword(user.email, params.currentPassword, params.ip) : null;
  if (check && !check.ok && check.reason === "rate-limited") {
    return { ok: false, field: "form", message: rateLimitMessage(check.retryAfterSeconds) };
  }
  if (!check?.ok) return { ok: false, field: "currentPassword", message: "That is not your current password." };
  await db.user.update({
    where: { id: params.userId },
    data: { passwordHash: await hashPassword(params.newPassword) },
  });
  await revokeOtherSessions(params.userId, params.sessionId);
  await recordSecurityEvent(params.userId, "password-changed");
  await sendNotice("password-changed", () => sendPasswordChangedEmail(user.email, "changed"));
  return { ok: true };
}

/**
 * For accounts that only used magic links or GitHub so far. A new way in: every other session is
 * signed out, and the owner is told.
 */
export async function setFirstPassword(userId: string, sessionId: string, newPassword: string): Promise<boolean> {
  const passwordHash = await hashPassword(newPassword);
  const { count } = await db.user.updateMany({ where: { id: userId, passwordHash: null }, data: { passwordHash } });
  if (count === 1) {
    await revokeOtherSessions(userId, sessionId);
    await recordSecurityEvent(userId, "password-set");
    const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await sendNotice("password-set", () => sendPasswordChangedEmail(email, "set"));
  }
  return count === 1;
}
