import "server-only";
import { isBanActive } from "../admin/bans";
import { afterResponse } from "../after-response";
import { db } from "../db";
import { sendAccountLockedEmail, sendNotice } from "../mail/messages";
import { verifyAgainstDummy, verifyPassword } from "../security/password-hashing";
import { limitPasswordCheck } from "../security/limits";
import { clearPasswordFailures, recordPasswordFailure } from "../security/rate-limit";
import { recordSecurityEvent } from "../security/security-log";

export interface VerifiedUser {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
  emailVerified: Date | null;
  /** Suspended by an admin (src/server/admin/bans.ts): said only after a right password. */
  banned: boolean;
}

/**
 * Checks an email + password. Unknown email, an account without a password and a wrong
 * password all fail after the same argon2 work, so neither the answer nor its timing says
 * whether the account exists. `userId` is set on failure only for the log.
 */
export async function verifyCredentials(
  email: string,
  password: string,
): Promise<{ ok: true; user: VerifiedUser } | { ok: false; userId: string | null }> {
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      image: true,
      emailVerified: true,
      bannedAt: true,
      banExpires: true,
      passwordHash: true,
    },
  });
  if (!user?.passwordHash) {
    await verifyAgainstDummy(password);
    return { ok: false, userId: user?.id ?? null };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, userId: user.id };
  const { passwordHash: _omit, bannedAt, banExpires, ...verified } = user;
  return { ok: true, user: { ...verified, banned: isBanActive({ bannedAt, banExpires }) } };
}

async function logFailure(userId: string, email: string, lockedForSeconds: number | null) {
  await recordSecurityEvent(userId, "sign-in-failed", "credentials");
  if (!lockedForSeconds) return;
  const minutes = Math.round(lockedForSeconds / 60);
  await recordSecurityEvent(userId, "lockout", `${minutes} minutes`);
  await sendNotice("lockout", () => sendAccountLockedEmail(email, minutes));
}

export type PasswordCheckResult =
  | { ok: true; user: VerifiedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * The one way a password is checked, at every door that takes one (sign-in, step-up, change
 * password): the lockout and rate limits first, then the password. Wrong passwords count towards
 * a lockout per address, existing or not; the owner of an existing account is told.
 */
export async function checkPassword(email: string, password: string, ip: string): Promise<PasswordCheckResult> {
  const limit = await limitPasswordCheck(email, ip);
  if (!limit.ok) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  const result = await verifyCredentials(email, password);
  if (!result.ok) {
    const lockedForSeconds = await recordPasswordFailure(email);
    const userId = result.userId;
    // The owner's log and notice only exist for an existing account, so they are written after
    // the response: an unknown address must not answer sooner.
    if (userId)
      await afterResponse(
        () => logFailure(userId, email, lockedForSeconds),
        "[auth] a failed sign-in could not be logged",
      );
    return { ok: false, reason: "invalid" };
  }
  await clearPasswordFailures(email);
  return result;
}

export type PasswordSignInResult = PasswordCheckResult | { ok: false; reason: "unverified" | "suspended" };

/**
 * A password sign-in: checkPassword, then whether the address is confirmed and the account not
 * suspended (both said only after a right password).
 */
export async function authorizePassword(email: string, password: string, ip: string): Promise<PasswordSignInResult> {
  const result = await checkPassword(email, password, ip);
  if (result.ok && result.user.banned) return { ok: false, reason: "suspended" };
  if (result.ok && !result.user.emailVerified) return { ok: false, reason: "unverified" };
  return result;
}
