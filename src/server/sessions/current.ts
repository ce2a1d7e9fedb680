import "server-only";
import type { Session } from "next-auth";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { SIGN_IN_PATH } from "@/lib/routes";
import { handedOverForThisRequest } from "./header";

/**
 * The session of this request is `await auth()` (from auth.ts), as Auth.js documents: middleware's
 * `auth()` read it once and handed it over, so a page, route handler or server action reads no
 * database (src/server/auth/adapter.ts). Null when signed out, and while the session still waits for
 * its second factor. These helpers sit on top of it.
 */

/** For signed-in pages: the session, or a redirect to sign-in and back to `callbackPath` (middleware normally got there first). */
export async function requireSession(callbackPath: string): Promise<Session> {
  const session = await auth();
  if (!session?.user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return session;
}

/**
 * For /sign-in/two-factor only: the session waiting for its second factor, if this request has one.
 * Auth.js hides pending sessions from `auth()`; middleware hands this one to its own page alone.
 */
export async function getPendingSession(): Promise<Session | null> {
  const session = await handedOverForThisRequest();
  return session?.secondFactorPending ? session : null;
}
