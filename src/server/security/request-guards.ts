import "server-only";
import { isCanonicalEmail } from "@/lib/email";
import { env } from "../env";

/**
 * Checks made before a request that carries a secret (a password, an emailed link or code) is
 * looked at: where it comes from, how big it is, and that each parameter is there only once.
 */

/** Bodies of sign-in requests and server actions are small forms; anything bigger is refused. */
export const MAX_FORM_BODY_BYTES = 16 * 1024;

/**
 * A request from one of our own pages: `Origin` is the app URL (a POST without one is refused),
 * and `Sec-Fetch-Site`, which browsers send and pages can't forge, says same-origin when present.
 * This is what stops login CSRF: another site making your browser sign in with its own link.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  if (headers.get("origin") !== env.appUrl) return false;
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin";
}

/** Why a body is refused before it is read: 411 with no declared length, 413 when over `limit`. */
export function bodySizeProblem(headers: Headers, limit = MAX_FORM_BODY_BYTES): 411 | 413 | null {
  const declared = headers.get("content-length");
  if (declared === null) return headers.get("transfer-encoding") ? 411 : null;
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) return 411;
  return length > limit ? 413 : null;
}

/** Parameters that name whose secret is being tried, or carry the secret. */
const GUARDED_PARAMS = ["email", "token", "code"] as const;

function toParams(form: FormData | URLSearchParams): URLSearchParams {
  if (form instanceof URLSearchParams) return form;
  const params = new URLSearchParams();
  for (const [key, value] of form.entries()) if (typeof value === "string") params.append(key, value);
  return params;
}

/**
 * Auth.js reads the last of a repeated parameter and `URLSearchParams.get` the first, so a
 * limiter and a handler could each see a different address or token. A request that repeats
 * `email`, `token` or `code` is refused outright.
 */
export function repeatedParam(form: FormData | URLSearchParams): string | null {
  const params = toParams(form);
  for (const name of GUARDED_PARAMS) {
    if (params.getAll(name).length > 1) return `"${name}" appears more than once.`;
  }
  return null;
}

/**
 * For links and API calls (what a program sends, not what a person types): a repeated parameter,
 * or an address not in canonical form, is refused (400), so every reader sees the same address.
 */
export function ambiguousParams(form: FormData | URLSearchParams): string | null {
  const repeated = repeatedParam(form);
  if (repeated) return repeated;
  const email = toParams(form).get("email");
  if (email !== null && !isCanonicalEmail(email)) return `"email" must be in canonical form (trimmed, lowercase).`;
  return null;
}

/**
 * The token of `Authorization: Bearer <token>`, or null: no header, another scheme, or two headers
 * (Headers joins repeats with ", ", which never reads as one token). Never from a query string or
 * a cookie.
 */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer ([^\s,]+)$/i.exec(headers.get("authorization") ?? "");
  return match ? match[1]! : null;
}
