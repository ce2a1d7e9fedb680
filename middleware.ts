import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import type { Session } from "next-auth";
import { auth } from "@/auth";
import {
  classifyRoute,
  DEFAULT_SIGNED_IN_PATH,
  isClosedDuringSupport,
  readsSession,
  SECOND_FACTOR_PATH,
  SIGN_IN_PATH,
  SUPPORT_ACCESS_PATH,
  webhookBodyLimit,
} from "@/lib/routes";
import { buildSecurityHeaders, createNonce } from "@/lib/security-headers";
import { databaseUnavailableResponse } from "@/server/database/unavailable";
import { env } from "@/server/env";
import { REQUEST_PATH_HEADER } from "@/server/request-path";
import { clientIpFrom } from "@/server/security/client-ip";
import { ambiguousParams, bodySizeProblem } from "@/server/security/request-guards";
import { SESSION_HEADER, signSessionHeader } from "@/server/sessions/header";
import { currentSessionScope, withSessionScope } from "@/server/sessions/scope";
import { sessionCookieName } from "@/server/sessions/cookie";

const githubOrigin = env.github ? new URL(env.github.enterpriseUrl ?? "https://github.com").origin : null;

/**
 * Every matched request:
 * - requests that repeat `email`/`token`/`code` or name a non-canonical address are refused
 *   (400), and bodies (server actions, APIs) are bounded, before anything reads them;
 * - Auth.js's `auth()` reads the session: one SQL statement through the adapter
 *   (src/server/sessions/read.ts; revoked or expired sessions are refused at once and their cookie
 *   cleared), not on session-free routes such as /api/health, which ignore the cookie;
 * - the route map in src/lib/routes.ts (anything not public is protected);
 * - a session waiting for its second factor opens /sign-in/two-factor and nothing else: other
 *   pages send it there, APIs answer 401, and no other page, route or action is handed it;
 * - a support session is kept off the user's security pages (SUPPORT_BLOCKED_PREFIXES; their
 *   actions refuse it themselves);
 * - the session goes to the page, route handler or server action in a signed header, after any
 *   copy from outside is stripped, so their own `auth()` reads nothing (src/server/sessions/header.ts);
 * - the security headers, with a fresh CSP nonce;
 * - when the database can't be reached, 503 (a page, or JSON for APIs) with nothing inside, and
 *   the session cookie kept for when it is back.
 */
export default async function middleware(req: NextRequest, event: NextFetchEvent): Promise<Response> {
  const refused = refuseUnread(req);
  if (refused) return withSecurityHeaders(refused, securityHeaders(createNonce()));
  if (!readsSession(req.nextUrl.pathname)) return route(req, null);
  const info = { ipAddress: clientIpFrom(req.headers), userAgent: req.headers.get("user-agent") };
  return withSessionScope({ info, keepPending: true }, () => protect(req, event));
}

/** The wrapper Auth.js documents: `req.auth` is the session its adapter read (or null). */
// next-auth's types pick the route-handler overload for this call; it is the same wrapper.
const protect = auth((req) => route(req, req.auth)) as unknown as WithAuth;
type WithAuth = (req: NextRequest, event: NextFetchEvent) => Promise<Response>;

const BODILESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** 400 and 413/411 before the session or the body is read. */
function refuseUnread(req: NextRequest): NextResponse | null {
  const ambiguous = ambiguousParams(req.nextUrl.searchParams);
  if (ambiguous) return new NextResponse(`Bad request: ${ambiguous}`, { status: 400 });
  // A webhook route takes the larger bodies it opted into (webhookRoutes); every other body
  // (POST, and the API's PATCH, PUT and DELETE) 16 KiB.
  const oversized = BODILESS_METHODS.has(req.method)
    ? null
    : bodySizeProblem(req.headers, webhookBodyLimit(req.nextUrl.pathname));
  if (!oversized) return null;
  return new NextResponse(oversized === 413 ? "Request body too large." : "Length required.", { status: oversized });
}

function route(req: NextRequest, session: Session | null): NextResponse {
  const { pathname, search } = req.nextUrl;
  const kind = classifyRoute(pathname);
  const nonce = createNonce();
  const headers = securityHeaders(nonce);
  const scope = currentSessionScope();
  const pending = session?.secondFactorPending === true;
  const signedIn = Boolean(session) && !pending;

  let response: NextResponse;
  if (scope?.databaseDown) {
    // The session can't be checked: neither let it through nor sign it out (the cookie stays).
    response = databaseUnavailableResponse(pathname, nonce);
  } else if (kind === "auth" && signedIn) {
    response = NextResponse.redirect(new URL(DEFAULT_SIGNED_IN_PATH, req.nextUrl));
  } else if (kind === "second-factor" && !pending) {
    response = NextResponse.redirect(new URL(signedIn ? DEFAULT_SIGNED_IN_PATH : SIGN_IN_PATH, req.nextUrl));
  } else if (kind === "protected-api" && !signedIn) {
    const error = pending ? "second-factor-required" : "unauthenticated";
    response = NextResponse.json({ error }, { status: 401 });
  } else if (session?.supportAccess && req.method === "GET" && isClosedDuringSupport(pathname)) {
    // Pages only: their server actions answer for themselves (securityAction), in words.
    response = NextResponse.redirect(new URL(SUPPORT_ACCESS_PATH, req.nextUrl), 303);
  } else if (kind === "protected-page" && !signedIn) {
    const signInUrl = new URL(pending ? SECOND_FACTOR_PATH : SIGN_IN_PATH, req.nextUrl);
    signInUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signInUrl);
  } else {
    const requestHeaders = new Headers(req.headers);
    // Only middleware speaks for the session: a copy sent from outside never gets through. A
    // pending session is handed to its own page only.
    requestHeaders.delete(SESSION_HEADER);
    // The path an org action was posted to names its organization (src/server/request-path.ts).
    requestHeaders.set(REQUEST_PATH_HEADER, pathname);
    const token = req.cookies.get(sessionCookieName())?.value;
    if (session && token && (signedIn || kind === "second-factor")) {
      requestHeaders.set(SESSION_HEADER, signSessionHeader(session, token));
    }
    // Next reads the nonce from the request's CSP header and puts it on its own scripts.
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  return withSecurityHeaders(response, headers);
}

function securityHeaders(nonce: string) {
  return buildSecurityHeaders({
    nonce,
    production: env.NODE_ENV === "production",
    https: env.secureCookies,
    formActionOrigins: githubOrigin ? [githubOrigin] : [],
  });
}

function withSecurityHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  runtime: "nodejs",
  // Everything except Auth.js's own endpoints (the whole /api/auth/ segment; their handler sets
  // the same headers), Next's static folders and the two icons, by their exact names. A path
  // that merely ends in ".png" is protected.
  matcher: ["/((?!api/auth/|_next/static/|_next/image(?:/|$)|favicon\\.ico$|icon\\.svg$).*)"],
};
