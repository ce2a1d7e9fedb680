import "server-only";
import { redirect } from "next/navigation";
import { rateLimitMessage } from "@/lib/format";
import { consumeCode, issueTokenEmail } from "../security/email-tokens";
import { checkPassword } from "./password-check";
import { db } from "../db";
import { sendStepUpCodeEmail } from "../mail/messages";
import { checkSecondFactor } from "../two-factor/second-factor";
import { twoFactorEnabledAt } from "../two-factor/factor";

/**
 * Step-up ("confirm it's you"): changing the email or the password, setting a first password,
 * connecting or disconnecting GitHub, signing out other sessions and deleting the account need a
 * sign-in within the last STEP_UP_WINDOW_SECONDS. A session that is older proves itself again at
 * /account/reauthenticate, which renews `Session.authenticatedAt` (docs/decisions/0012-step-up.md):
 * with its password or a code emailed to it, or, when two-factor is on, only with its second factor
 * (a code from the authenticator app or a backup code). A stolen session plus the password (what
 * an infostealer takes) must not become a lasting way past the second factor: new backup codes,
 * a passkey, another email, two-factor off.
 */
export const STEP_UP_WINDOW_SECONDS = 10 * 60;

export const REAUTHENTICATE_PATH = "/account/reauthenticate";

/** The part of a session step-up looks at. */
export interface AuthenticatedSession {
  sessionId: string;
  authenticatedAt: string | Date;
}

export function isRecentlyAuthenticated(session: AuthenticatedSession, now = Date.now()): boolean {
  return now - new Date(session.authenticatedAt).getTime() < STEP_UP_WINDOW_SECONDS * 1000;
}

/**
 * The one guard for sensitive changes: returns when the session signed in (or stepped up)
 * recently; otherwise sends the user to confirm it is them, then back to `returnTo`.
 */
export function requireRecentAuthentication(session: AuthenticatedSession, returnTo: string): void {
  if (isRecentlyAuthenticated(session)) return;
  redirect(`${REAUTHENTICATE_PATH}?callbackUrl=${encodeURIComponent(returnTo)}`);
}

/** The session just proved its user again (password, emailed code). Never a support session. */
export async function markAuthenticated(sessionId: string): Promise<void> {
  await db.session.updateMany({
    where: { id: sessionId, impersonatorId: null },
    data: { authenticatedAt: new Date() },
  });
}

export type StepUpResult = { ok: true } | { ok: false; error: string };

/** With two-factor on, only the second factor steps up (password and emailed codes are one factor). */
export const SECOND_FACTOR_NEEDED =
  "Two-factor authentication is on: confirm with a code from your authenticator app or a backup code.";

export async function needsSecondFactor(userId: string): Promise<boolean> {
  return (await twoFactorEnabledAt(userId)) !== null;
}

/** Step-up with the account's password, checked like any sign-in (limits, lockout). */
export async function stepUpWithPassword(
  session: AuthenticatedSession & { user: { id: string; email?: string | null } },
  password: string,
  ip: string,
): Promise<StepUpResult> {
  // Refused before the password is looked at: no answer says whether it was right.
  if (await needsSecondFactor(session.user.id)) return { ok: false, error: SECOND_FACTOR_NEEDED };
  const result = await checkPassword(session.user.email ?? "", password, ip);
  if (!result.ok) {
    return {
      ok: false,
      error:
        result.reason === "rate-limited" ? rateLimitMessage(result.retryAfterSeconds) : "That is not your password.",
    };
  }
  await markAuthenticated(session.sessionId);
  return { ok: true };
}

/** Emails a 6-digit step-up code (for accounts without a password, or whoever prefers it). */
export async function sendStepUpCode(userId: string, email: string): Promise<void> {
  const send = await issueTokenEmail({ userId, purpose: "step-up", email, withCode: true }, ({ code }) =>
    sendStepUpCodeEmail(email, code!),
  );
  await send();
}

/** Step-up with the emailed code (five tries per code, like every emailed code). */
export async function stepUpWithCode(
  session: AuthenticatedSession & { user: { id: string; email?: string | null } },
  code: string,
): Promise<StepUpResult> {
  if (await needsSecondFactor(session.user.id)) return { ok: false, error: SECOND_FACTOR_NEEDED };
  const result = await consumeCode("step-up", session.user.email ?? "", code);
  if (!result.ok || result.userId !== session.user.id) {
    return { ok: false, error: "That code is wrong or has expired. Check the email, or send a new code." };
  }
  await markAuthenticated(session.sessionId);
  return { ok: true };
}

/** Step-up with a code from the authenticator app (or a backup code), for accounts with two-factor on. */
export async function stepUpWithSecondFactor(
  session: AuthenticatedSession & { user: { id: string; email?: string | null } },
  code: string,
  ip: string,
): Promise<StepUpResult> {
  const result = await checkSecondFactor({ id: session.user.id, email: session.user.email ?? "" }, code, ip);
  if (!result.ok) return result;
  await markAuthenticated(session.sessionId);
  return { ok: true };
}
