import "server-only";
import { db } from "./db";
import { generateToken, hashToken } from "./tokens";

/**
 * Session lifetime, for every sign-in method, in one place (docs/decisions/0008-session-lifetime.md).
 * - idle: a session unused this long expires (Auth.js's maxAge; each use pushes `expires` forward);
 * - absolute: no session lives longer than this from sign-in, however active;
 * - refresh: how often an active session's `expires` is pushed forward (Auth.js's updateAge);
 * - touch: how often the session read records last-seen time, IP and user agent
 *   (src/server/auth/session-read.ts).
 */
export const SESSION_LIFETIME = {
  idleSeconds: 7 * 24 * 60 * 60,
  absoluteSeconds: 30 * 24 * 60 * 60,
  refreshSeconds: 60 * 60,
  touchSeconds: 60,
} as const;

/** The expiry a session used now should get: idle timeout, capped by the absolute lifetime. */
export function nextExpiry(createdAt: Date, now = new Date()): Date {
  const idle = now.getTime() + SESSION_LIFETIME.idleSeconds * 1000;
  const absolute = createdAt.getTime() + SESSION_LIFETIME.absoluteSeconds * 1000;
  return new Date(Math.min(idle, absolute));
}

export function isPastAbsoluteLifetime(createdAt: Date, now = new Date()): boolean {
  return now.getTime() >= createdAt.getTime() + SESSION_LIFETIME.absoluteSeconds * 1000;
}

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
      expires: nextExpiry(new Date()),
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

/**
 * Ends the session a browser carried when it signs in again, as anyone: the old row must not stay
 * valid for whoever else holds its cookie.
 */
export async function endSessionByToken(rawToken: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken: hashToken(rawToken) } });
}

/** Signs the user out everywhere (after a password reset, or account deletion). */
export async function revokeAllSessions(userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

/** Signs the user out of every other device (after a password change, or from /account/sessions). */
export async function revokeOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
  return count;
}

/** Ends one of the user's sessions; false if it is not theirs (or already gone). */
export async function revokeSession(userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  return count === 1;
}

export async function listSessions(userId: string) {
  return db.session.findMany({
    where: { userId, expires: { gt: new Date() } },
    orderBy: [{ lastSeenAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: { id: true, method: true, createdAt: true, lastSeenAt: true, ipAddress: true, userAgent: true },
  });
}
