import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Session } from "next-auth";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { env } from "../env";
import { deriveKey } from "../security/derived-keys";
import { hashToken } from "../security/secrets";
import { site } from "@/config/site";
import { sessionCookieName } from "./cookie";

/**
 * How middleware hands the session it read to the page, route handler or server action of the
 * same request, so they never read the database again: a request header, HMAC-signed with a key
 * derived from AUTH_SECRET, bound to the request's session cookie and a few seconds old at most.
 * Middleware always strips any copy that came from outside. A missing header, a bad signature, a
 * header for another cookie, or a stale one all mean "no session" (never a fallback that trusts it).
 */
export const SESSION_HEADER = `x-${site.slug}-session`;

/** Long enough for a slow render to read it, short enough that a captured copy is soon useless. */
const MAX_AGE_MS = 60_000;

let key: Buffer | undefined;
function signingKey(): Buffer {
  key ??= deriveKey(env.authSecret, "session header");
  return key;
}

function sign(payload: string): string {
  return createHmac("sha256", signingKey()).update(payload).digest("base64url");
}

interface Payload {
  session: Session;
  /** sha256 of the session cookie this header was made for. */
  cookie: string;
  issuedAt: number;
}

export function signSessionHeader(session: Session, sessionCookie: string, now = Date.now()): string {
  const payload: Payload = { session, cookie: hashToken(sessionCookie), issuedAt: now };
  const encoded = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${encoded}.${sign(encoded)}`;
}

export function verifySessionHeader(
  header: string | null,
  sessionCookie: string | undefined,
  now = Date.now(),
): Session | null {
  if (!header || !sessionCookie) return null;
  const [encoded = "", signature = ""] = header.split(".");
  const expected = Buffer.from(sign(encoded));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as Payload;
  } catch {
    return null;
  }
  if (payload.cookie !== hashToken(sessionCookie)) return null;
  if (!(now - payload.issuedAt >= 0 && now - payload.issuedAt <= MAX_AGE_MS)) return null;
  return payload.session;
}

/**
 * After middleware (a page, route handler or server action): the session middleware handed over
 * for this request's cookie (pending ones included), or null when it handed none. Undefined
 * outside a request (scripts, tests).
 */
export const handedOverForThisRequest = cache(async (): Promise<Session | null | undefined> => {
  let requestHeaders: Headers;
  let sessionCookie: string | undefined;
  try {
    [requestHeaders, sessionCookie] = await Promise.all([
      headers(),
      cookies().then((jar) => jar.get(sessionCookieName())?.value),
    ]);
  } catch {
    return undefined;
  }
  return verifySessionHeader(requestHeaders.get(SESSION_HEADER), sessionCookie);
});

/**
 * Auth.js's `auth`, which middleware calls to read the session. Called with no arguments after
 * middleware (a page, route handler or server action), it answers from a request-scoped cache:
 * the session middleware's `auth()` produced for this request, handed over in the signed header,
 * so neither the database nor Auth.js's session action runs a second time. A session waiting for
 * its second factor is no session here. Outside a request, and with arguments, it is Auth.js's own.
 */
export function answeringFromMiddleware<A extends (...args: never[]) => unknown>(authjs: A): A {
  return ((...args: Parameters<A>) => {
    if (args.length > 0) return authjs(...args);
    return handedOverForThisRequest().then((session) =>
      session === undefined ? authjs(...args) : session && !session.secondFactorPending ? session : null,
    );
  }) as A;
}
