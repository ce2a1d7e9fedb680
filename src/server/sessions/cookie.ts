import "server-only";
import { cookies } from "next/headers";
import { isUserBanned } from "../admin/bans";
import { db } from "../db";
import { env } from "../env";
import { hashToken } from "../security/secrets";
import { recordSecurityEvent } from "../security/security-log";
import { createSession, endSessionByToken, type SignInMethod } from "./store";
import { SESSION_LIFETIME } from "./lifetime";

/**
 * The session cookie's name, for Auth.js (auth.ts) and for our own flows. On https it carries the
 * `__Host-` prefix: the browser then only accepts it Secure, for the whole site, from this exact
 * host (no Domain), so a sibling subdomain can't plant or overwrite it (OWASP ASVS 3.4.4).
 * Derived from the configured app URL, which is also the URL Auth.js sees (AUTH_URL is required
 * in production).
 */
export function sessionCookieName(): string {
  return env.secureCookies ? "__Host-authjs.session-token" : "authjs.session-token";
}

/**
 * Signs the user in from our own flows (email verified, password reset, passkey): same cookie as
 * Auth.js. A session this browser already had, whoever's it was, ends. False, and no session, when
 * an admin has suspended the account: the caller says so.
 */
export async function signInThisBrowser(userId: string, method: SignInMethod): Promise<boolean> {
  if (await isUserBanned(userId)) return false;
  await endThisBrowsersSession();
  await setSessionCookie(await createSession(userId, method));
  await recordSecurityEvent(userId, "sign-in", method);
  return true;
}

/** Puts a session's raw token in this browser's session cookie (httpOnly, Lax, Secure on https). */
export async function setSessionCookie(token: string): Promise<void> {
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    maxAge: SESSION_LIFETIME.idleSeconds,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}

/** The raw session token from the request's cookie, if any. */
export async function currentSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName())?.value;
}

/**
 * Before a sign-in creates a new session: deletes the row of the session this browser's cookie
 * names, if any. Outside a request (scripts, tests calling handlers directly) there is no cookie.
 */
export async function endThisBrowsersSession(): Promise<void> {
  let token: string | undefined;
  try {
    token = await currentSessionToken();
  } catch {
    return;
  }
  if (token) await endSessionByToken(token);
}

/** Is the session this browser just signed in with waiting for its second factor? */
export async function thisBrowsersSessionIsPending(): Promise<boolean> {
  const token = await currentSessionToken();
  if (!token) return false;
  const row = await db.session.findUnique({
    where: { sessionToken: hashToken(token) },
    select: { secondFactorPending: true },
  });
  return row?.secondFactorPending === true;
}
