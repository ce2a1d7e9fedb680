import "server-only";
import { Prisma } from "@prisma/client";
import { issueToken, consumeCode, consumeToken, type TokenFailure } from "./auth-tokens";
import { db } from "./db";
import { sendAccountExistsEmail, sendVerifyEmail } from "./mail";
import { hashPassword, verifyAgainstDummy } from "./password";
import { recordSecurityEvent } from "./security-log";

/**
 * Sign-up and email verification. Every public entry point here answers the same way whether
 * or not the address has an account; what differs is only which email goes out.
 */

/**
 * Creates an unverified password account and emails a link + code, or, when the address already
 * has an account, emails its owner instead. Throws if the email cannot be sent, leaving nothing
 * behind (no unverified account, no token).
 */
export async function registerWithPassword(input: { email: string; password: string; name?: string }): Promise<void> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    // Spend the same argon2 work as a real sign-up, then tell the owner.
    await verifyAgainstDummy(input.password);
    await sendAccountExistsEmail(input.email);
    return;
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
      await sendAccountExistsEmail(input.email);
      return;
    }
    throw error;
  }
  try {
    await sendVerification(userId, input.email);
  } catch (error) {
    await db.user.delete({ where: { id: userId } });
    throw error;
  }
}

async function sendVerification(userId: string, email: string): Promise<void> {
  const { token, code } = await issueToken({ userId, purpose: "verify-email", email, withCode: true });
  try {
    await sendVerifyEmail(email, token, code!);
  } catch (error) {
    await db.authToken.deleteMany({ where: { userId, purpose: "verify-email" } });
    throw error;
  }
}

/** Sends a fresh link + code if the address has an unverified password account; otherwise nothing. */
export async function resendVerification(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, emailVerified: true, passwordHash: true } });
  if (!user || user.emailVerified || !user.passwordHash) return;
  await sendVerification(user.id, email);
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
