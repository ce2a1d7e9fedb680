import { hash } from "@node-rs/argon2";
import { createHash, randomBytes } from "node:crypto";
import { uniqueEmail } from "../../support/random";
import { db, writeWithRetry } from "./db";
import { STRONG_PASSWORD } from "./flows";

export interface TestAccount {
  id: string;
  email: string;
  name: string | null;
  password: string | null;
}

/**
 * An account written straight into the database, for tests that are not about signing up:
 * confirmed, with the standard test password unless `password: null` (a magic-link or GitHub
 * account), optionally with GitHub connected or as a platform admin.
 */
export async function createAccount(
  options: {
    email?: string;
    name?: string;
    password?: string | null;
    verified?: boolean;
    github?: boolean;
    role?: "user" | "admin";
  } = {},
): Promise<TestAccount> {
  const password = options.password === undefined ? STRONG_PASSWORD : options.password;
  const email = options.email ?? uniqueEmail("account");
  const user = await writeWithRetry(async () =>
    db.user.create({
      data: {
        email,
        name: options.name ?? "Ada Lovelace",
        emailVerified: options.verified === false ? null : new Date(),
        role: options.role ?? "user",
        passwordHash: password ? await hash(password) : null,
        accounts: options.github
          ? { create: { type: "oauth", provider: "github", providerAccountId: `gh-${randomBytes(6).toString("hex")}` } }
          : undefined,
      },
    }),
  );
  return { id: user.id, email, name: user.name, password };
}

/** A session row for the user, as if they had just signed in; returns the cookie's value. */
export async function createSessionToken(userId: string, method = "credentials"): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await writeWithRetry(() =>
    db.session.create({
      data: {
        userId,
        method,
        sessionToken: createHash("sha256").update(token).digest("hex"),
        expires: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
      },
    }),
  );
  return token;
}

/** Makes the user's sessions look as if they signed in `minutes` ago (outside the step-up window). */
export async function ageSignIn(email: string, minutes: number): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  await writeWithRetry(() =>
    db.session.updateMany({
      where: { userId: user.id },
      data: { authenticatedAt: new Date(Date.now() - minutes * 60_000) },
    }),
  );
}
