import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db";
import { sendAccountExistsEmail } from "../mail/messages";
import type { MailJob } from "../mail/after-response";
import { hashPassword, verifyAgainstDummy } from "../security/password-hashing";
import { issueVerification } from "./email-verification";

/**
 * Sign-up. It answers the same way whether or not the address has an account; what differs is
 * only which email goes out, and it goes out after the response (src/server/mail/after-response.ts).
 */

/**
 * Creates an unverified password account and returns the job that emails its link + code; or,
 * when the address already has an account, the job that emails its owner instead. The same
 * argon2 work runs either way. If the verification email fails, the job deletes the account it
 * was for, so nothing is left half-made.
 */
export async function registerWithPassword(input: {
  email: string;
  password: string;
  name?: string;
}): Promise<MailJob> {
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
  const sendVerification = await issueVerification(userId, input.email);
  return async () => {
    try {
      await sendVerification();
    } catch (error) {
      await db.user.deleteMany({ where: { id: userId, emailVerified: null } });
      throw error;
    }
  };
}
