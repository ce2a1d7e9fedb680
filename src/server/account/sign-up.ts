import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db";
import { sendAccountExistsEmail } from "../mail/messages";
import type { MailJob } from "../mail/after-response";
import { hashPassword } from "../security/password-hashing";
import { issueVerification } from "./email-verification";

/**
 * Sign-up. It answers the same way, in the same time, whether or not the address has an account:
 * the awaited work is the password's hash, whatever the address; looking the address up, creating
 * the account and its token, and the email all happen after the response
 * (src/server/mail/after-response.ts).
 */

/**
 * Hashes the password, then returns the job that does the rest: for a new address it creates an
 * unverified password account and emails its link + code; for an address that has an account
 * (or gets one first, in a race) it emails the owner instead. If the verification email fails, the
 * job deletes the account it was for, so nothing is left half-made.
 */
export async function registerWithPassword(input: {
  email: string;
  password: string;
  name?: string;
}): Promise<MailJob> {
  const passwordHash = await hashPassword(input.password);
  const accountExists = () => sendAccountExistsEmail(input.email).then(() => undefined);
  return async () => {
    if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) return accountExists();
    let userId: string;
    try {
      ({ id: userId } = await db.user.create({
        data: { email: input.email, name: input.name ?? null, passwordHash },
        select: { id: true },
      }));
    } catch (error) {
      // Lost a race with another sign-up for the same address: treat it like an existing account.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return accountExists();
      throw error;
    }
    try {
      await (
        await issueVerification(userId, input.email)
      )();
    } catch (error) {
      await db.user.deleteMany({ where: { id: userId, emailVerified: null } });
      throw error;
    }
  };
}
