import "server-only";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { env } from "../env";
import { sendMagicLinkEmail } from "../mail/messages";
import { forgetSignInEmail, issueSignInCode, storedVerificationToken } from "./sign-in-secrets";

export const MAGIC_LINK_MAX_AGE_SECONDS = env.MAGIC_LINK_MAX_AGE_MINUTES * 60;

/**
 * Turns the callback URL Auth.js made into the link we email: our confirm page (a GET there uses
 * nothing up, so mail scanners can't burn the token), on the configured app URL (never the
 * request's Host / X-Forwarded-Host), with callbackUrl reduced to a same-origin path.
 */
export function buildEmailLink(authJsUrl: string): string {
  const original = new URL(authJsUrl);
  const link = new URL(`/sign-in/confirm${original.search}`, env.appUrl);
  const callbackUrl = link.searchParams.get("callbackUrl");
  if (callbackUrl !== null) {
    let path = callbackUrl;
    try {
      const absolute = new URL(callbackUrl);
      path = `${absolute.pathname}${absolute.search}${absolute.hash}`;
    } catch {
      // Already relative.
    }
    link.searchParams.set("callbackUrl", safeCallbackPath(path));
  }
  return link.toString();
}

// Auth.js sends the email and stores the token concurrently. When the send fails we must not
// leave a valid token behind, whichever of the two finishes first: the failed send records the
// token here and deletes any row; the adapter deletes a row whose token was recorded here.
const failedTokens = new Set<string>();

export function isFailedToken(storedToken: string): boolean {
  return failedTokens.has(storedToken);
}

export function forgetFailedToken(storedToken: string): void {
  failedTokens.delete(storedToken);
}

/**
 * Auth.js's sendVerificationRequest: adds the 6-digit code (a second secret) to the sign-in
 * email and sends it. If the send fails, neither the link nor the code stays usable.
 */
export async function sendMagicLink(params: { identifier: string; url: string; token: string; expires: Date }) {
  const tokenHash = storedVerificationToken(params.token);
  try {
    const code = await issueSignInCode(params.identifier, tokenHash, params.expires);
    await sendMagicLinkEmail(params.identifier, buildEmailLink(params.url), code);
  } catch (error) {
    failedTokens.add(tokenHash);
    setTimeout(() => failedTokens.delete(tokenHash), 60_000).unref();
    await forgetSignInEmail(params.identifier, tokenHash);
    throw error;
  }
}

/** The Auth.js callback that signs in with a link token, on the configured app URL. */
export function signInCallbackUrl(email: string, token: string, callbackUrl: string): string {
  const url = new URL("/api/auth/callback/resend", env.appUrl);
  url.search = new URLSearchParams({ callbackUrl: safeCallbackPath(callbackUrl), token, email }).toString();
  return url.toString();
}
