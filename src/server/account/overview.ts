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

export async function updateProfileName(userId: string, name: string | undefined): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name: name ?? null } });
}
