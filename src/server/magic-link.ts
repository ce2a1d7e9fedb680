import "server-only";
import { createHash } from "node:crypto";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { db } from "./db";
import { env } from "./env";
import { sendMagicLinkEmail } from "./mail";

export const MAGIC_LINK_MAX_AGE_SECONDS = env.MAGIC_LINK_MAX_AGE_MINUTES * 60;

/**
 * Rebuilds the link Auth.js made so that its origin is the configured app URL, never the
 * request's Host / X-Forwarded-Host, and its callbackUrl is a same-origin path.
 */
export function buildEmailLink(authJsUrl: string): string {
  const original = new URL(authJsUrl);
  const link = new URL(`${original.pathname}${original.search}`, env.appUrl);
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
    await sendMagicLinkEmail(params.identifier, link, env.MAGIC_LINK_MAX_AGE_MINUTES);
  } catch (error) {
    const stored = storedVerificationToken(params.token, params.secret);
    failedTokens.add(stored);
    setTimeout(() => failedTokens.delete(stored), 60_000).unref();
    await db.verificationToken.deleteMany({ where: { identifier: params.identifier, token: stored } });
    throw error;
  }
}
