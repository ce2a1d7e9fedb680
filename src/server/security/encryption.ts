import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "../env";
import { site } from "@/config/site";
import { deriveKey, KEY_LABEL } from "./derived-keys";

/**
 * Encryption for secrets we must be able to read back (two-factor secrets): AES-256-GCM, a fresh
 * 96-bit IV per value, and `context` (the owner's id) as additional data, so a value copied onto
 * another row does not decrypt. Stored as `v1.<key id>.<iv>.<ciphertext and tag>`.
 *
 * Keys: ENCRYPTION_KEY (comma-separated, newest first; older keys only decrypt), or one derived
 * from AUTH_SECRET with HKDF when it is unset (./derived-keys.ts: renaming the product keeps it). Rotation: docs/decisions/0014-two-factor.md.
 * Anything wrong (unknown key, tampered value, wrong context) fails closed: DecryptionError.
 */

export class DecryptionError extends Error {
  override name = "DecryptionError";
}

export interface Key {
  id: string;
  bytes: Buffer;
}

const VERSION = "v1";

export function keyFrom(bytes: Buffer): Key {
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

/** The keys in order: the first encrypts, all of them decrypt. */
export function encryptionKeys(source: Pick<typeof env, "ENCRYPTION_KEY" | "authSecret"> = env): Key[] {
  if (source.ENCRYPTION_KEY?.length) return source.ENCRYPTION_KEY.map((k) => keyFrom(Buffer.from(k, "base64")));
  const keys = [keyFrom(deriveKey(source.authSecret, "encryption"))];
  // Before the label was fixed it was the product's slug: a project renamed then still decrypts
  // what it encrypted (and re-encrypts it with the fixed key, see encryptedWithOldKey).
  if (site.slug !== KEY_LABEL) keys.push(keyFrom(deriveKey(source.authSecret, "encryption", site.slug)));
  return keys;
}

export function encrypt(plaintext: string, context: string, keys = encryptionKeys()): string {
  const key = keys[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, key.id, iv.toString("base64url"), body.toString("base64url")].join(".");
}

export function decrypt(value: string, context: string, keys = encryptionKeys()): string {
  const [version, keyId, iv, body] = value.split(".");
  const key = keys.find((k) => k.id === keyId);
  if (version !== VERSION || !key || !iv || !body) throw new DecryptionError("Unknown format or key");
  const data = Buffer.from(body, "base64url");
  if (data.length < 16) throw new DecryptionError("Truncated value");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("The value does not decrypt with this key and context");
  }
}

/** Was this value encrypted with an older key? (Re-encrypt it with the current one.) */
export function encryptedWithOldKey(value: string, keys = encryptionKeys()): boolean {
  return value.split(".")[1] !== keys[0]!.id;
}
