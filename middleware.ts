import { NextResponse, type NextRequest } from "next/server";
import { classifyRoute, DEFAULT_SIGNED_IN_PATH, readsSession, SECOND_FACTOR_PATH, SIGN_IN_PATH } from "@/lib/routes";
import { buildSecurityHeaders, createNonce } from "@/lib/security-headers";
import { SESSION_HEADER, signSessionHeader } from "@/server/sessions/header";
import { readSession, type SessionRead } from "@/server/sessions/read";
import { isDatabaseUnavailable } from "@/server/database/health";
import { databaseOutage, databaseUnavailableResponse } from "@/server/database/unavailable";
import { env } from "@/server/env";
import { clientIpFrom } from "@/server/security/client-ip";
import { ambiguousParams, bodySizeProblem } from "@/server/security/request-guards";
import { sessionCookieName } from "@/server/sessions/cookie";

const githubOrigin = env.github ? new URL(env.github.enterpriseUrl ?? "https://github.com").origin : null;

/**
 * Every matched request:
 * - requests that repeat `email`/`token`/`code` or name a non-canonical address are refused
 *   (400), and server-action bodies are bounded, before anything reads them;
 * - the session is read once (src/server/auth/session-read.ts: one statement; revoked or expired
 *   sessions are refused at once) and handed to the page, route handler or server action in a
 *   signed header, after any copy from outside is stripped (not on session-free routes such as
 *   /api/health, which ignore the cookie);
 * - the route map in src/lib/routes.ts (anything not public is protected);
 * - a session waiting for its second factor opens /sign-in/two-factor and nothing else: other
 *   pages send it there, APIs answer 401, and no other page, route or action is handed it;
 * - the security headers, with a fresh CSP nonce;
 * - when the database can't be reached, 503 (a page, or JSON for APIs) with nothing inside, and
 *   the session cookie kept for when it is back.
 */
export default async function middleware(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const kind = classifyRoute(pathname);
  const nonce = createNonce();
  const headers = buildSecurityHeaders({
    nonce,
    production: env.NODE_ENV === "production",
    https: env.secureCookies,
    formActionOrigins: githubOrigin ? [githubOrigin] : [],
  });

  const ambiguous = ambiguousParams(req.nextUrl.searchParams);
  const oversized = req.method === "POST" ? bodySizeProblem(req.headers) : null;
  const cookieName = sessionCookieName();
  const token = readsSession(pathname) ? req.cookies.get(cookieName)?.value : undefined;
  let read: SessionRead | null = null;
  let databaseDown = false;
  if (token && !ambiguous && !oversized) {
    try {
      read = await readSession(token, {
        ipAddress: clientIpFrom(req.headers),
        userAgent: req.headers.get("user-agent"),
      });
      databaseOutage.succeeded();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      databaseOutage.failed(error);
      databaseDown = true;
    }
  }
  const pending = read?.session.secondFactorPending === true;
  const signedIn = Boolean(read) && !pending;

  let response: NextResponse;
  if (ambiguous) {
    response = new NextResponse(`Bad request: ${ambiguous}`, { status: 400 });
  } else if (oversized) {
    response = new NextResponse(oversized === 413 ? "Request body too large." : "Length required.", {
      status: oversized,
    });
  } else if (databaseDown) {
    // The session can't be checked: neither let it through nor sign it out (the cookie stays).
    response = databaseUnavailableResponse(pathname, nonce);
  } else if (kind === "auth" && signedIn) {
    response = NextResponse.redirect(new URL(DEFAULT_SIGNED_IN_PATH, req.nextUrl));
  } else if (kind === "second-factor" && !pending) {
    response = NextResponse.redirect(new URL(signedIn ? DEFAULT_SIGNED_IN_PATH : SIGN_IN_PATH, req.nextUrl));
  } else if (kind === "protected-api" && !signedIn) {
    const error = pending ? "second-factor-required" : "unauthenticated";
    response = NextResponse.json({ error }, { status: 401 });
  } else if (kind === "protected-page" && !signedIn) {
    const signInUrl = new URL(pending ? SECOND_FACTOR_PATH : SIGN_IN_PATH, req.nextUrl);
    signInUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signInUrl);
  } else {
    const requestHeaders = new Headers(req.headers);
    // Only middleware speaks for the session: a copy sent from outside never gets through. A
    // pending session is handed to its own page only.
    requestHeaders.delete(SESSION_HEADER);
    if (read && token && (signedIn || kind === "second-factor")) {
      requestHeaders.set(SESSION_HEADER, signSessionHeader(read.session, token));
    }
    // Next reads the nonce from the request's CSP header and puts it on its own scripts.
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);

  if (token && !read && !ambiguous && !oversized && !databaseDown) {
    // A cookie for a session that has ended: the browser can forget it.
    response.cookies.delete(cookieName);
  } else if (token && read?.refreshedExpires) {
    response.cookies.set(cookieName, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: env.secureCookies,
      path: "/",
      expires: read.refreshedExpires,
    });
  }
  return response;
}

export const config = {
  runtime: "nodejs",
  // Everything except Auth.js's own endpoints (the whole /api/auth/ segment; their handler sets
  // the same headers), Next's static folders and the two icons, by their exact names. A path
  // that merely ends in ".png" is protected.
  matcher: ["/((?!api/auth/|_next/static/|_next/image(?:/|$)|favicon\\.ico$|icon\\.svg$).*)"],
};
