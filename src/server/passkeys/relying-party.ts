import "server-only";
import { site } from "@/config/site";
import { env } from "../env";

/**
 * Who our passkeys belong to. The relying-party ID (the host a passkey is bound to) and the
 * origin a browser must report both come from the configured app URL (AUTH_URL), never from the
 * request: a spoofed Host or X-Forwarded-Host can't make us accept an answer made for another site.
 * The ID is the exact host, so passkeys made on app.example.com work there only.
 */
export function relyingParty(appUrl = env.appUrl): { id: string; origin: string; name: string } {
  const url = new URL(appUrl);
  return { id: url.hostname, origin: url.origin, name: site.name };
}

/** What both ceremonies require of the browser's answer: this challenge, this site, a verified user. */
export interface Expected {
  expectedChallenge: string;
  expectedOrigin: string;
  expectedRPID: string;
  requireUserVerification: true;
}

/**
 * Runs one of @simplewebauthn's checks with this site's expectations. A library error (a bad
 * signature, another origin, no user verification, a counter that went backwards) and an answer
 * it does not verify are the same to the visitor: both give null.
 */
export async function verifyForThisSite<T extends { verified: boolean }>(
  challenge: string,
  check: (expected: Expected) => Promise<T>,
): Promise<T | null> {
  const rp = relyingParty();
  try {
    const verification = await check({
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
    return verification.verified ? verification : null;
  } catch {
    return null;
  }
}

/** Transports are stored comma-separated ("internal,hybrid"); WebAuthn wants a list. */
export function splitTransports<T extends string>(stored: string | null): T[] | undefined {
  return stored ? (stored.split(",") as T[]) : undefined;
}

export function joinTransports(transports: readonly string[] | undefined): string | null {
  return transports && transports.length > 0 ? transports.join(",") : null;
}
