import "server-only";
import { NextRequest, NextResponse } from "next/server";
import { handlers } from "@/auth";
import { buildSecurityHeaders, createNonce } from "@/lib/security-headers";
import { emailSchema } from "@/lib/validation";
import { env } from "../env";
import { clientIpFrom } from "../security/client-ip";
import { forgiveSecretTry, limitEmailSend, limitSecretTry, peekPasswordCheck } from "../security/limits";
import { readBody } from "../security/request-body";
import { ambiguousParams, bodySizeProblem, isSameOriginRequest } from "../security/request-guards";
import { sessionCookieName } from "../sessions/cookie";
import { withSessionScope } from "../sessions/scope";
import { endSessionByToken } from "../sessions/store";

/**
 * What stands in front of Auth.js's endpoints (/api/auth/*):
 * - every POST comes from one of our pages (login CSRF), is small, is a form or JSON that the
 *   guard and Auth.js read the same way (src/server/security/request-body.ts; 415 otherwise), and
 *   names each of `email`, `token` and `code` at most once, with the address in canonical form;
 * - the magic-link callback signs in only from the confirm page's POST; a GET (which any site can
 *   make a browser send) is shown the confirm page instead. Each wrong token counts against the IP;
 * - the magic-link send endpoint counts against the email limits (429 + Retry-After);
 * - the password endpoint answers 429 when the address or IP is over its limit or locked out;
 * - a sign-in ends the session this browser had before;
 * - every response carries the security headers.
 */

const MAGIC_LINK_CALLBACK = "/api/auth/callback/resend";

function refuse(status: number, error: string, headers: Record<string, string> = {}) {
  return NextResponse.json({ error }, { status, headers });
}

function tooManyRequests(retryAfterSeconds: number) {
  return NextResponse.json(
    { error: "rate_limited", retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

function withSecurityHeaders(response: Response): Response {
  // A copy: redirects made with Response.redirect have immutable headers.
  const headers = new Headers(response.headers);
  const security = buildSecurityHeaders({
    nonce: createNonce(),
    production: env.NODE_ENV === "production",
    https: env.secureCookies,
  });
  for (const [name, value] of Object.entries(security)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Does the response set a session cookie, other than the one the request carried (a sign-in)? */
function setsNewSession(response: Response, previous?: string): boolean {
  const name = sessionCookieName();
  return response.headers.getSetCookie().some((cookie) => {
    if (!cookie.startsWith(`${name}=`)) return false;
    const value = cookie.slice(name.length + 1).split(";")[0];
    return value !== "" && value !== previous;
  });
}

/** After a response that set a new session cookie, the session the request carried is ended. */
async function endReplacedSession(request: NextRequest, response: Response): Promise<Response> {
  const previous = request.cookies.get(sessionCookieName())?.value;
  if (previous && setsNewSession(response, previous)) await endSessionByToken(previous);
  return response;
}

function emailParam(value: string | null): string | null {
  const parsed = emailSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

async function guardGet(request: NextRequest): Promise<Response> {
  const problem = ambiguousParams(request.nextUrl.searchParams);
  if (problem) return refuse(400, problem);
  if (request.nextUrl.pathname === MAGIC_LINK_CALLBACK) {
    // Signing in takes the confirm page's button (a same-origin POST), never a GET.
    const confirm = new URL(`/sign-in/confirm${request.nextUrl.search}`, env.appUrl);
    return NextResponse.redirect(confirm, 303);
  }
  return endReplacedSession(request, await handlers.GET(request));
}

async function guardPost(request: NextRequest): Promise<Response> {
  const size = bodySizeProblem(request.headers);
  if (size) return refuse(size, size === 413 ? "body_too_large" : "length_required");
  if (!isSameOriginRequest(request.headers)) return refuse(403, "cross_site_request");
  const { pathname, searchParams } = request.nextUrl;
  // Read once, as Auth.js will read it; Auth.js then gets exactly these bytes.
  const body = await readBody(request, ["form", "json"]);
  if (!body.ok) return refuse(body.status, body.error);
  const form = body.params;
  const problem = ambiguousParams(searchParams) ?? ambiguousParams(form);
  if (problem) return refuse(400, problem);
  const ip = clientIpFrom(request.headers);

  const linkTry = { kind: "link", ip } as const;
  if (pathname === MAGIC_LINK_CALLBACK) {
    const limit = await limitSecretTry(linkTry);
    if (!limit.ok) {
      const page = new URL(`/auth-error?error=TooManyAttempts&retryAfter=${limit.retryAfterSeconds}`, env.appUrl);
      return NextResponse.redirect(page, { status: 303, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
    }
  }
  if (pathname === "/api/auth/signin/resend") {
    const email = emailParam(form.get("email"));
    const limit = await limitEmailSend(email ?? "invalid", ip);
    if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds);
  }
  if (pathname === "/api/auth/callback/credentials") {
    const limit = await peekPasswordCheck(emailParam(form.get("email")), ip);
    if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds);
  }
  const same = new NextRequest(request.url, { method: "POST", headers: request.headers, body: body.text });
  const response = await handlers.POST(same);
  if (pathname === MAGIC_LINK_CALLBACK && setsNewSession(response)) await forgiveSecretTry(linkTry);
  return endReplacedSession(request, response);
}

/** Auth.js's endpoints read the session through the adapter once, with this request's address and agent. */
function inSessionScope<T>(request: NextRequest, work: () => Promise<T>): Promise<T> {
  const info = { ipAddress: clientIpFrom(request.headers), userAgent: request.headers.get("user-agent") };
  return withSessionScope({ info, keepPending: false }, work);
}

export async function authGet(request: NextRequest): Promise<Response> {
  return withSecurityHeaders(await inSessionScope(request, () => guardGet(request)));
}

export async function authPost(request: NextRequest): Promise<Response> {
  return withSecurityHeaders(await inSessionScope(request, () => guardPost(request)));
}

/**
 * Signs in through Auth.js's own email callback with a token minted on the server (after a right
 * code), as if the confirm page's button had been pressed, from the code form's request.
 */
export async function signInWithMintedToken(request: NextRequest, callbackUrl: string): Promise<Response> {
  const response = await inSessionScope(request, () =>
    handlers.POST(
      new NextRequest(callbackUrl, {
        method: "POST",
        headers: { cookie: request.headers.get("cookie") ?? "", origin: env.appUrl },
      }),
    ),
  );
  return withSecurityHeaders(await endReplacedSession(request, response));
}
