import "server-only";
import type { Session } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { SIGN_IN_PATH } from "@/lib/routes";
import { SESSION_HEADER, verifySessionHeader } from "./header";
import { sessionCookieName } from "./cookie";

/**
 * The signed-in session of this request, as middleware read it (one database read per request:
 * src/server/auth/session-read.ts). Reads no database: the session arrives in a signed header
 * (src/server/auth/session-header.ts). Null when signed out, or when the header is missing or
 * not genuine.
 */
export const getCurrentSession = cache(async (): Promise<Session | null> => {
  const [requestHeaders, requestCookies] = await Promise.all([headers(), cookies()]);
  return verifySessionHeader(requestHeaders.get(SESSION_HEADER), requestCookies.get(sessionCookieName())?.value);
});

/** For signed-in pages: the session, or a redirect to sign-in (middleware normally got there first). */
export async function requireSession(callbackPath: string): Promise<Session> {
  const session = await getCurrentSession();
  if (!session?.user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return session;
}
