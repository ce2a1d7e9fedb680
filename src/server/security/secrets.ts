import "server-only";
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/** A random, URL-safe secret (256 bits by default). */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** What we store instead of a secret token: a database leak must not hand out live tokens. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A 6-digit code to type from an email. */
export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * What we store instead of a 6-digit code: an HMAC keyed by AUTH_SECRET and bound to `scope`
 * (the row or address it belongs to), so a leaked table can't be reversed by trying a million codes.
 */
export function hashCode(scope: string, code: string): string {
  return createHmac("sha256", env.authSecret).update(`${scope}:${code}`).digest("hex");
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
