import "server-only";
import { refuseBannedSignIn } from "../admin/bans";
import { db } from "../db";
import { generateToken, hashToken } from "../security/secrets";
import { nextExpiry } from "./lifetime";
import { sessionStart } from "../two-factor/second-factor";

/** How a session began: Auth.js provider ids, plus our own flows that sign a user in. */
export type SignInMethod = "resend" | "github" | "credentials" | "email-verification" | "password-reset" | "passkey";

/**
 * Creates a database session and returns the raw token for the cookie. Used for password
 * sign-ins, which Auth.js would otherwise turn into a JWT (docs/decisions/0002-database-sessions.md),
 * and our own flows. With two-factor on, the session starts pending (a passkey is two factors).
 */
export async function createSession(userId: string, method: SignInMethod): Promise<string> {
  await refuseBannedSignIn(userId);
  const token = generateToken();
  await db.session.create({
    data: {
      sessionToken: hashToken(token),
      userId,
      method,
      expires: nextExpiry(new Date()),
      ...(await sessionStart(userId, { twoFactors: method === "passkey" })),
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

/*
 * Both revocations below also forget every remembered device (src/server/two-factor/remembered-devices.ts):
 * they are how the user recovers (a password reset or change, an email change, "sign out of all
 * other sessions", a GitHub takeover fix), and an attacker who once held a remembered-device
 * cookie must not keep skipping the second factor afterwards. This device asks for a code again too.
 */

/** Signs the user out everywhere (after a password reset, or account deletion). */
export async function revokeAllSessions(userId: string): Promise<number> {
  const [{ count }] = await db.$transaction([
    db.session.deleteMany({ where: { userId } }),
    db.rememberedDevice.deleteMany({ where: { userId } }),
  ]);
  return count;
}

/** Signs the user out of every other device (after a password change, or from /account/sessions). */
export async function revokeOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  const [{ count }] = await db.$transaction([
    db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } }),
    db.rememberedDevice.deleteMany({ where: { userId } }),
  ]);
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
    select: {
      id: true,
      method: true,
      createdAt: true,
      lastSeenAt: true,
      ipAddress: true,
      userAgent: true,
      impersonator: { select: { email: true } },
    },
  });
}
