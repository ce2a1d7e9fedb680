import "server-only";
import { db } from "../db";

/** What /account shows: the profile, and the ways this user can sign in. */

export interface SignInMethods {
  /** Magic links count once the address is verified. */
  emailLink: boolean;
  password: boolean;
  github: boolean;
}

export async function getAccountOverview(userId: string) {
  const user = await db.user.findUniqueOrThrow({
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
  const accounts = await db.account.findMany({ where: { userId }, select: { provider: true } });
  const methods: SignInMethods = {
    emailLink: Boolean(user.emailVerified),
    password: Boolean(user.passwordHash),
    github: accounts.some((a) => a.provider === "github"),
  };
  const { passwordHash: _omit, ...profile } = user;
  return { profile, methods };
}

export async function updateProfileName(userId: string, name: string | undefined): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name: name ?? null } });
}
