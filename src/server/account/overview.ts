import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";

/** What /account shows: the profile, and the ways this user can sign in. */

export interface SignInMethods {
  /** Magic links count once the address is verified. */
  emailLink: boolean;
  password: boolean;
  github: boolean;
  /** How many passkeys the account has; each one is a way in. */
  passkeys: number;
}

/** How many ways into the account there are: the last one can't be removed. */
export function countWaysIn(methods: SignInMethods): number {
  return Number(methods.emailLink) + Number(methods.password) + Number(methods.github) + methods.passkeys;
}

/** `client`: a transaction, when the answer must hold until it commits (src/server/passkeys/manage.ts). */
export async function getAccountOverview(userId: string, client: Prisma.TransactionClient = db) {
  const user = await client.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      image: true,
      emailVerified: true,
      passwordHash: true,
      createdAt: true,
    },
  });
  const accounts = await client.account.findMany({ where: { userId }, select: { provider: true } });
  const passkeys = await client.passkey.count({ where: { userId } });
  const methods: SignInMethods = {
    emailLink: Boolean(user.emailVerified),
    password: Boolean(user.passwordHash),
    github: accounts.some((a) => a.provider === "github"),
    passkeys,
  };
  const { passwordHash: _omit, ...profile } = user;
  return { profile, methods };
}

/**
 * Runs `work` (which may remove a way in) with the account's ways in held still: one transaction
 * that first writes the user's row. On PostgreSQL that row lock makes a second removal for the same
 * user wait until this one commits, then count what is left (without it, two removals at once each
 * counted two ways in and both went through); SQLite runs write transactions one at a time anyway.
 */
export async function withWaysInHeld<T>(
  userId: string,
  work: (tx: Prisma.TransactionClient, methods: SignInMethods) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { updatedAt: new Date() } });
    const { methods } = await getAccountOverview(userId, tx);
    return work(tx, methods);
  });
}

export async function updateProfileName(userId: string, name: string | undefined): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name: name ?? null } });
}
