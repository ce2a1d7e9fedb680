import "server-only";
import { rateLimitMessage } from "@/lib/format";
import { db } from "../db";
import { sendAfterResponse } from "../mail/after-response";
import { sendTwoFactorNotice } from "../mail/messages";
import { limitSecondFactorGuess } from "../security/limits";
import { recordSecurityEvent } from "../security/security-log";
import { countBackupCodes, redeemBackupCode } from "./backup-codes";
import { twoFactorEnabledAt, verifyTotp } from "./factor";
import { isRememberedDevice, rememberThisDevice } from "./remembered-devices";

/**
 * The second step of signing in, for accounts with two-factor on. Every way of signing in with a
 * first factor (password, email link or code, GitHub, a reset or verification link) creates the
 * session *pending*; it becomes a full session here, with a code from the authenticator app or a
 * backup code. A remembered device skips the step. A passkey is two factors already.
 */

/** What a session's start records: whether it waits for a second factor, and when it proved its user. */
export interface SessionStart {
  secondFactorPending: boolean;
  authenticatedAt: Date;
}

/**
 * Not within any step-up window: a remembered device skips the second step of signing in, but the
 * session has proven one factor only, so a sensitive change first steps up with the second
 * (src/server/auth/step-up.ts). A stolen remembered-device cookie plus the password opens the
 * account, never a way to change how it signs in.
 */
const ONE_FACTOR_ONLY = new Date(0);

/**
 * How a sign-in by `userId` from this request starts its session. `twoFactors`: the sign-in
 * itself proved two (a passkey).
 */
export async function sessionStart(userId: string, { twoFactors = false } = {}): Promise<SessionStart> {
  const now = new Date();
  if (twoFactors) return { secondFactorPending: false, authenticatedAt: now };
  const enabledAt = await twoFactorEnabledAt(userId);
  if (enabledAt === null) return { secondFactorPending: false, authenticatedAt: now };
  if (await isRememberedDevice(userId, enabledAt))
    return { secondFactorPending: false, authenticatedAt: ONE_FACTOR_ONLY };
  // completePendingSession renews authenticatedAt when the second factor arrives.
  return { secondFactorPending: true, authenticatedAt: now };
}

export type SecondFactorResult = { ok: true } | { ok: false; error: string };

const WRONG_CODE = "That code is not right. Enter the current code from your authenticator app, or a backup code.";

/**
 * Checks a second-factor code (6 digits from the app, or a backup code) for the user: counted
 * first (limitSecondFactorGuess), each code accepted once. The owner is told when codes are
 * paused and whenever a backup code is used.
 */
export async function checkSecondFactor(
  user: { id: string; email: string },
  code: string,
  ip: string,
): Promise<SecondFactorResult> {
  const limit = await limitSecondFactorGuess(user.id, ip);
  if (!limit.ok) {
    if (limit.firstRefusal) {
      await recordSecurityEvent(user.id, "two-factor-paused");
      sendAfterResponse(() => sendTwoFactorNotice(user.email, "codes-paused").then(() => undefined));
    }
    return { ok: false, error: rateLimitMessage(limit.retryAfterSeconds) };
  }
  const digits = code.replace(/\s/g, "");
  if (/^\d{6}$/.test(digits)) {
    if (await verifyTotp(user.id, digits)) return { ok: true };
  } else if (await redeemBackupCode(user.id, code)) {
    const left = await countBackupCodes(user.id);
    await recordSecurityEvent(user.id, "backup-code-used", `${left} left`);
    sendAfterResponse(() => sendTwoFactorNotice(user.email, "backup-code-used", left).then(() => undefined));
    return { ok: true };
  }
  await recordSecurityEvent(user.id, "two-factor-failed");
  return { ok: false, error: WRONG_CODE };
}

/**
 * The pending session has passed its second factor: it becomes a full session (and counts as a
 * fresh sign-in for step-up). Optionally remembers this device.
 */
export async function completePendingSession(sessionId: string, userId: string, remember: boolean): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, userId, secondFactorPending: true },
    data: { secondFactorPending: false, authenticatedAt: new Date() },
  });
  if (count !== 1) return false;
  const enabledAt = await twoFactorEnabledAt(userId);
  if (remember && enabledAt) await rememberThisDevice(userId, enabledAt);
  return true;
}
