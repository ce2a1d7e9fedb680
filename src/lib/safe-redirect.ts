import { DEFAULT_SIGNED_IN_PATH } from "./routes";

const PLACEHOLDER_ORIGIN = "http://placeholder.invalid";

/**
 * Returns `input` as a same-origin relative path (path + query + hash), or the fallback.
 * Only paths are accepted: absolute URLs, protocol-relative `//host`, backslash tricks,
 * `javascript:` and anything that would leave the site fall back.
 */
export function safeCallbackPath(input: unknown, fallback: string = DEFAULT_SIGNED_IN_PATH): string {
  if (typeof input !== "string" || input.length === 0 || input.length > 2048) return fallback;
  // Browsers treat "\" like "/" and drop tabs/newlines, so "/\evil" and "/\t/evil" mean "//evil".
  if (!input.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(input)) return fallback;
  let url: URL;
  try {
    url = new URL(input, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that normalises to "//host" would be read as protocol-relative by a browser.
  if (path.startsWith("//")) return fallback;
  return path;
}

/**
 * For Auth.js's redirect callback, which hands us absolute URLs on our own origin as well as
 * relative paths: keep same-origin destinations, send everything else to the fallback.
 */
export function safeRedirectUrl(url: string, baseUrl: string, fallback = DEFAULT_SIGNED_IN_PATH): string {
  const origin = new URL(baseUrl).origin;
  let candidate = url;
  if (url.startsWith(`${origin}/`) || url === origin) {
    candidate = url.slice(origin.length) || "/";
  }
  return `${origin}${safeCallbackPath(candidate, fallback)}`;
}
