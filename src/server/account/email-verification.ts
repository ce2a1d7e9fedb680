import "server-only";
import { db } from "../db";
import type { MailJob } from "../mail/after-response";
import { sendVerifyEmail } from "../mail/messages";
import { consumeCode, consumeToken, issueTokenEmail, type TokenFailure } from "../security/email-tokens";
import { recordSecurityEvent } from "../security/security-log";

/** Confirming an email address: by the emailed link, or the 6-digit code sent with it. */

/** Issues a fresh link + code now; the returned job sends them (and deletes them if it can't). */
export function issueVerification(userId: string, email: string): Promise<MailJob> {
  return issueTokenEmail({ userId, purpose: "verify-email", email, withCode: true }, ({ token, code }) =>
    sendVerifyEmail(email, token, code!),
  );
}

/**
 * The job that sends a fresh link + code if the address has an unverified password account, and
 * nothing otherwise. The lookup is part of the job, so every address is answered in the same time.
 */
export function resendVerification(email: string): MailJob {
  return async () => {
    const user = await db.user.findUnique({
      where: { email },
      select: { id: true, emailVerified: true, passwordHash: true },
    });
    if (!user || user.emailVerified || !user.passwordHash) return;
    await (
      await issueVerification(user.id, email)
    )();
  };
}

export type VerifyResult = { ok: true; userId: string } | { ok: false; reason: TokenFailure };

async function markVerified(result: Awaited<ReturnType<typeof consumeToken>>): Promise<VerifyResult> {
  if (!result.ok) return result;
  // The address may have changed since the token was sent; then the token proves nothing.
  const { count } = await db.user.updateMany({
    where: { id: result.userId, email: result.email },
    data: { emailVerified: new Date() },
  });
  if (count !== 1) return { ok: false, reason: "invalid" };
  await recordSecurityEvent(result.userId, "email-verified");
  return { ok: true, userId: result.userId };
}

export async function verifyEmailWithToken(token: string): Promise<VerifyResult> {
  return markVerified(await consumeToken("verify-email", token));
}

export async function verifyEmailWithCode(email: string, code: string): Promise<VerifyResult> {
  return markVerified(await consumeCode("verify-email", email, code));
}
