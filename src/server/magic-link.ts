import "server-only";
import { createHash, randomInt } from "node:crypto";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { db } from "./db";
import { env } from "./env";
import { sendMagicLinkEmail } from "./mail";

export const MAGIC_LINK_MAX_AGE_SECONDS = env.MAGIC_LINK_MAX_AGE_MINUTES * 60;

/**
 * The sign-in token is a 6-digit code, so the same single token works as a link (on any device)
 * and as a code typed on the device that asked. Guessing is bounded by the code-attempt limits on
 * the callback (src/app/api/auth/[...nextauth]/route.ts) and the 15-minute lifetime.
 */
export function generateSignInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

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

/** Auth.js stores sha256(token + secret); we need the same value to find the row. */
export function storedVerificationToken(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
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

export async function sendMagicLink(params: { identifier: string; url: string; token: string; secret: string }) {
  const link = buildEmailLink(params.url);
  try {
    await sendMagicLinkEmail(params.identifier, link, params.token, env.MAGIC_LINK_MAX_AGE_MINUTES);
  } catch (error) {
    const stored = storedVerificationToken(params.token, params.secret);
    failedTokens.add(stored);
    setTimeout(() => failedTokens.delete(stored), 60_000).unref();
    await db.verificationToken.deleteMany({ where: { identifier: params.identifier, token: stored } });
    throw error;
  }
}

/** Is this code (or link token) a live sign-in token for the address? Uses nothing up. */
export async function isLiveSignInToken(email: string, token: string, secret: string): Promise<boolean> {
  if (!/^\d{6}$/.test(token)) return false;
  const row = await db.verificationToken.findUnique({
    where: { identifier_token: { identifier: email, token: storedVerificationToken(token, secret) } },
  });
  return Boolean(row && row.expires > new Date());
}

/** The Auth.js callback that signs in with a token, on the configured app URL. */
export function signInCallbackUrl(email: string, token: string, callbackUrl: string): string {
  const url = new URL("/api/auth/callback/resend", env.appUrl);
  url.search = new URLSearchParams({ callbackUrl: safeCallbackPath(callbackUrl), token, email }).toString();
  return url.toString();
}

/** "ali…@example.com": enough for a person to recognise their address. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 3)}${local.length > 3 ? "…" : ""}@${domain}`;
}
