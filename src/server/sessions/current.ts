import "server-only";
import type { Session } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { SIGN_IN_PATH } from "@/lib/routes";
import { SESSION_HEADER, verifySessionHeader } from "./header";
import { sessionCookieName } from "./cookie";

const sessionFromMiddleware = cache(async (): Promise<Session | null> => {
  const [requestHeaders, requestCookies] = await Promise.all([headers(), cookies()]);
  return verifySessionHeader(requestHeaders.get(SESSION_HEADER), requestCookies.get(sessionCookieName())?.value);
});

/**
 * The signed-in session of this request, as middleware read it (one database read per request:
 * ./read.ts). Reads no database: the session arrives in a signed header (./header.ts). Null when
 * signed out, when the header is missing or not genuine, and when the session still waits for its
 * second factor (then nothing but /sign-in/two-factor may use it).
 */
export const getCurrentSession = cache(async (): Promise<Session | null> => {
  const session = await sessionFromMiddleware();
  return session && !session.secondFactorPending ? session : null;
});

/** For /sign-in/two-factor only: the session waiting for its second factor, if this request has one. */
export const getPendingSession = cache(async (): Promise<Session | null> => {
  const session = await sessionFromMiddleware();
  return session?.secondFactorPending ? session : null;
});

/** For signed-in pages: the session, or a redirect to sign-in (middleware normally got there first). */
export async function requireSession(callbackPath: string): Promise<Session> {
  const session = await getCurrentSession();
  if (!session?.user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return session;
}
