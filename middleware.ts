import { NextResponse } from "next/server";
import { auth } from "@/auth";
import { classifyRoute, DEFAULT_SIGNED_IN_PATH, SIGN_IN_PATH } from "@/lib/routes";
import { buildSecurityHeaders, createNonce } from "@/lib/security-headers";
import { env } from "@/server/env";
import { clientIpFrom } from "@/server/security/client-ip";
import { ambiguousParams, bodySizeProblem } from "@/server/security/request-guards";
import { touchSession } from "@/server/sessions";

const githubOrigin = env.github ? new URL(env.github.enterpriseUrl ?? "https://github.com").origin : null;

/**
 * Every matched request: the database session (Node.js runtime, so a revoked or expired session
 * is refused at once), the route map in src/lib/routes.ts (anything not public is protected),
 * the session's last-seen record, and the security headers with a fresh CSP nonce. Requests that
 * repeat `email`/`token`/`code` or name a non-canonical address are refused (400), and server
 * action bodies are bounded, before anything reads them.
 */
export default auth(async (req) => {
  const { pathname, search } = req.nextUrl;
  const signedIn = Boolean(req.auth?.user);
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

  let response: NextResponse;
  if (ambiguous) {
    response = new NextResponse(`Bad request: ${ambiguous}`, { status: 400 });
  } else if (oversized) {
    response = new NextResponse(oversized === 413 ? "Request body too large." : "Length required.", { status: oversized });
  } else if (kind === "auth" && signedIn) {
    response = NextResponse.redirect(new URL(DEFAULT_SIGNED_IN_PATH, req.nextUrl));
  } else if (kind === "protected-api" && !signedIn) {
    response = NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  } else if (kind === "protected-page" && !signedIn) {
    const signInUrl = new URL(SIGN_IN_PATH, req.nextUrl);
    signInUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signInUrl);
  } else {
    // Next reads the nonce from the request's CSP header and puts it on its own scripts.
    const requestHeaders = new Headers(req.headers);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);

  if (req.auth?.sessionId) {
    await touchSession(req.auth.sessionId, {
      ipAddress: clientIpFrom(req.headers),
      userAgent: req.headers.get("user-agent"),
    });
  }
  return response;
});

export const config = {
  runtime: "nodejs",
  // Everything except Auth.js's own endpoints (the whole /api/auth/ segment; their handler sets
  // the same headers) and Next's static folders. A path that merely ends in ".png" is protected.
  matcher: ["/((?!api/auth/|_next/static/|_next/image(?:/|$)|favicon\\.ico$).*)"],
};
