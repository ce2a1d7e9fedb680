/**
 * Every security header, built in one place (middleware.ts applies them to each response).
 * Scripts run only with this request's nonce ('strict-dynamic' lets Next's loader add chunks).
 */
export function buildSecurityHeaders({
  nonce,
  production,
  https,
  formActionOrigins = [],
}: {
  nonce: string;
  production: boolean;
  https: boolean;
  /** Where a form may send the browser besides this site (GitHub, for the no-JavaScript OAuth button). */
  formActionOrigins?: string[];
}): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // Development needs eval for React's debugging and a websocket for fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    `connect-src 'self'${production ? "" : " ws: wss:"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self'${formActionOrigins.map((o) => ` ${o}`).join("")}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    ...(production && https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A fresh nonce per request (128 random bits, base64). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The nonce in a policy built above (middleware hands it to the page in the request's CSP header). */
export function nonceFromPolicy(policy: string | null): string | undefined {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];
}
