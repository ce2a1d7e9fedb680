import "server-only";
import { db } from "./db";
import { generateToken, hashToken } from "./tokens";

/** Session lifetime, for every sign-in method. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** How often an active session's expiry is pushed forward. */
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

/** How a session began: Auth.js provider ids, plus our own flows that sign a user in. */
export type SignInMethod = "resend" | "github" | "credentials" | "email-verification" | "password-reset";

/**
 * Creates a database session and returns the raw token for the cookie. Used for password
 * sign-ins, which Auth.js would otherwise turn into a JWT (docs/decisions/0002-database-sessions.md).
 */
export async function createSession(userId: string, method: SignInMethod): Promise<string> {
  const token = generateToken();
  await db.session.create({
    data: {
      sessionToken: hashToken(token),
      userId,
      method,
      expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return token;
}

/**
 * Auth.js creates magic-link and GitHub sessions through the adapter, which does not know the
 * method; its signIn event fires right after, so we label the user's newest unlabelled session.
 */
export async function labelNewestSession(userId: string, method: SignInMethod): Promise<void> {
  const newest = await db.session.findFirst({
    where: { userId, method: null },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (newest) await db.session.update({ where: { id: newest.id }, data: { method } });
}

/** Signs the user out everywhere (after a password reset, or account deletion). */
export async function revokeAllSessions(userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

/** Signs the user out of every other device (after a password change). */
export async function revokeOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
  return count;
}
