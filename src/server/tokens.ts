import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A random, URL-safe secret (256 bits by default). */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** What we store instead of a secret token: a database leak must not hand out live tokens. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
