/**
 * The route map: the one place that says which URLs are public. Middleware reads it;
 * anything not listed here needs a signed-in user (default deny).
 */
export const DEFAULT_SIGNED_IN_PATH = "/dashboard";
export const SIGN_IN_PATH = "/sign-in";
/** Where a sign-in of a suspended account ends (src/server/admin/bans.ts): the page says so, kindly. */
export const SUSPENDED_PATH = "/auth-error?error=AccountSuspended";
/**
 * During support access (src/server/admin/support-access.ts) these pages are closed: the user's
 * sign-in and security settings. Middleware sends a support session that opens one to
 * SUPPORT_ACCESS_PATH; their actions refuse it themselves (securityAction), wherever they are posted.
 */
export const SUPPORT_BLOCKED_PREFIXES: readonly string[] = [
  "/account/two-factor",
  "/account/passkeys",
  "/account/sessions",
  "/account/api-tokens",
  "/account/reauthenticate",
  "/account/confirm-email",
];
export const SUPPORT_ACCESS_PATH = "/support-access";

export function isClosedDuringSupport(pathname: string): boolean {
  return SUPPORT_BLOCKED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** Where a session that is waiting for its second factor goes (and the only page it may open). */
export const SECOND_FACTOR_PATH = "/sign-in/two-factor";

/** The second step, then on to `destination`. */
export function secondFactorPath(destination: string): string {
  return `${SECOND_FACTOR_PATH}?callbackUrl=${encodeURIComponent(destination)}`;
}

/** Anyone may visit these, signed in or not. */
export const publicRoutes: readonly string[] = [
  "/",
  "/verify-request",
  "/auth-error",
  "/verify-email",
  "/forgot-password",
  "/reset-password",
  "/sign-in/confirm",
  "/sign-in/code",
  "/api/health",
  // A scheduler's call, with CRON_SECRET as its Bearer token (the route checks it).
  "/api/cron/cleanup",
  // The public keys other services verify service tokens with (src/server/service-tokens).
  "/.well-known/jwks.json",
];

/**
 * Public routes middleware answers without reading a session, even when a cookie comes along:
 * the health check is polled every few seconds and must not depend on, or add to, session reads;
 * the cleanup route answers to its Bearer token, never to a cookie.
 */
export const sessionFreeRoutes: readonly string[] = ["/api/health", "/api/cron/cleanup", "/.well-known/jwks.json"];

/**
 * The API for scripts and customers: every call answers to its API token (`Authorization: Bearer`,
 * src/server/api-tokens/authenticate.ts), never to a session cookie, so middleware reads no
 * session here and a cookie opens nothing. Public to middleware; each route checks its token.
 */
export const API_TOKEN_PREFIX_PATH = "/api/v1";

export function isTokenApi(pathname: string): boolean {
  return pathname === API_TOKEN_PREFIX_PATH || pathname.startsWith(`${API_TOKEN_PREFIX_PATH}/`);
}

/**
 * Routes that a program outside calls with a signed body, not a signed-in person: a payment
 * provider's webhook, an upload. None by default. Each one listed here is public and session-free
 * to middleware (its handler must check the caller itself, for example the provider's signature
 * over the raw body), and takes bodies up to its own `maxBodyBytes` instead of the 16 KiB every
 * other POST is held to. README, "Make it yours":
 *   "/api/webhooks/stripe": { maxBodyBytes: 1024 * 1024 },
 */
export const webhookRoutes: Record<string, { maxBodyBytes: number }> = {};

/** The body cap a route opted into (webhookRoutes), by exact path; undefined for every other route. */
export function webhookBodyLimit(pathname: string): number | undefined {
  return Object.hasOwn(webhookRoutes, pathname) ? webhookRoutes[pathname]!.maxBodyBytes : undefined;
}

export function readsSession(pathname: string): boolean {
  return !sessionFreeRoutes.includes(pathname) && !isTokenApi(pathname) && webhookBodyLimit(pathname) === undefined;
}

/** Pages for signing in; a signed-in visitor is sent on to the dashboard. */
export const authRoutes: readonly string[] = ["/sign-in", "/sign-up"];

/**
 * Public route prefixes: Auth.js endpoints, the development mail outbox (404 in production), and
 * organization invitations (/invite/<token> and the page it leads to, for people not signed in yet).
 */
export const publicPrefixes: readonly string[] = ["/api/auth", "/dev/outbox", "/invite"];

export type RouteKind = "public" | "auth" | "second-factor" | "protected-api" | "protected-page";

function matchesPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function classifyRoute(pathname: string): RouteKind {
  if (publicRoutes.includes(pathname) || isTokenApi(pathname) || webhookBodyLimit(pathname) !== undefined) {
    return "public";
  }
  if (authRoutes.includes(pathname)) return "auth";
  if (pathname === SECOND_FACTOR_PATH) return "second-factor";
  if (publicPrefixes.some((p) => matchesPrefix(pathname, p))) return "public";
  // Protected API: signed-out callers get 401 JSON, never a redirect.
  if (pathname === "/api" || pathname.startsWith("/api/")) return "protected-api";
  return "protected-page";
}
