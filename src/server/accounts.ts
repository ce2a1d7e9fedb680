import "server-only";
import { Prisma } from "@prisma/client";
import { consumeCode, consumeToken, issueToken, type TokenFailure } from "./auth-tokens";
import { db } from "./db";
import { sendAccountExistsEmail, sendVerifyEmail } from "./mail";
import type { MailJob } from "./mail/after-response";
import { hashPassword, verifyAgainstDummy } from "./password";
import { recordSecurityEvent } from "./security-log";

/**
 * Sign-up and email verification. Every public entry point here answers the same way whether
 * or not the address has an account; what differs is only which email goes out, and it goes out
 * after the response (src/server/mail/after-response.ts).
 */

/**
 * Creates an unverified password account and returns the job that emails its link + code; or,
 * when the address already has an account, the job that emails its owner instead. The same
 * argon2 work runs either way. If the verification email fails, the job deletes the account it
 * was for, so nothing is left half-made.
 */
export async function registerWithPassword(input: { email: string; password: string; name?: string }): Promise<MailJob> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await verifyAgainstDummy(input.password);
    return () => sendAccountExistsEmail(input.email).then(() => undefined);
  }
  const passwordHash = await hashPassword(input.password);
  let userId: string;
  try {
    ({ id: userId } = await db.user.create({
      data: { email: input.email, name: input.name ?? null, passwordHash },
      select: { id: true },
    }));
  } catch (error) {
    // Lost a race with another sign-up for the same address: treat it like an existing account.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return () => sendAccountExistsEmail(input.email).then(() => undefined);
    }
    throw error;
  }
  const sendVerification = await prepareVerification(userId, input.email);
  return async () => {
    try {
      await sendVerification();
    } catch (error) {
      await db.user.deleteMany({ where: { id: userId, emailVerified: null } });
      throw error;
    }
  };
}

/** Issues a fresh link + code now; the returned job sends them (and deletes them if it can't). */
async function prepareVerification(userId: string, email: string): Promise<MailJob> {
  const { token, code } = await issueToken({ userId, purpose: "verify-email", email, withCode: true });
  return async () => {
    try {
      await sendVerifyEmail(email, token, code!);
    } catch (error) {
      await db.authToken.deleteMany({ where: { userId, purpose: "verify-email" } });
      throw error;
    }
  };
}

/** A fresh link + code if the address has an unverified password account; otherwise no mail. */
export async function resendVerification(email: string): Promise<MailJob | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, emailVerified: true, passwordHash: true } });
  if (!user || user.emailVerified || !user.passwordHash) return null;
  return prepareVerification(user.id, email);
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
