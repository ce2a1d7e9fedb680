import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "./db";
import { hashPassword } from "./password";

export type CreateAccountResult = { ok: true; userId: string } | { ok: false; reason: "email_taken" };

/** Creates a password account in one write; nothing is left behind if the email is taken. */
export async function createPasswordAccount(input: {
  email: string;
  password: string;
  name?: string;
}): Promise<CreateAccountResult> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { ok: false, reason: "email_taken" };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name ?? null, passwordHash },
      select: { id: true },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    // Lost a race with another sign-up for the same address.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "email_taken" };
    }
    throw error;
  }
}
