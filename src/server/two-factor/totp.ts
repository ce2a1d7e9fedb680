import "server-only";
import { Secret, TOTP } from "otpauth";
import { site } from "@/config/site";

/**
 * TOTP (RFC 6238) as every authenticator app speaks it: SHA-1, 6 digits, 30-second steps, 160-bit
 * secrets. The arithmetic is the otpauth library's (docs/decisions/0014-two-factor.md); what is
 * ours is which steps we accept: the current one and one either side (clock drift), each once.
 */
const PERIOD_SECONDS = 30;
const WINDOW_STEPS = 1;

function totp(secretBase32: string, accountName = ""): TOTP {
  return new TOTP({
    issuer: site.name,
    label: accountName,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new shared secret, base32 (what the user types if they can't scan the QR code). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountName: string): string {
  return totp(secretBase32, accountName).toString();
}

/** The time step `code` belongs to, if it is right for now (±1 step); null otherwise. */
export function matchTotp(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: now, window: WINDOW_STEPS });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD_SECONDS, timestamp: now }) + delta;
}

/** The code for a moment (for tests and the development seed; users read theirs from an app). */
export function totpCodeAt(secretBase32: string, timestamp: number): string {
  return totp(secretBase32).generate({ timestamp });
}

/** Splits a base32 secret into groups of four, as apps show it for typing. */
export function formatSecretForTyping(secretBase32: string): string {
  return secretBase32.replace(/(.{4})/g, "$1 ").trim();
}
