import { createDecipheriv, createHash, createPrivateKey, hkdfSync, type KeyObject } from "node:crypto";
import type { JWK } from "jose";
import { appEnv } from "../env";
import { db } from "./db";

/**
 * The key the app signs service tokens with, read from its database and decrypted here: the test
 * holds the signing key as the app does, so it can sign tokens the app would never issue (another
 * `iss`, long expired) and show that a verifier still refuses them for what they say.
 *
 * The same decryption as src/server/service-tokens/signing-keys.ts (which the test can't import:
 * "server-only"): the row's `privateKey` is `v1.<key id>.<iv>.<ciphertext and 16-byte tag>`,
 * AES-256-GCM of the PKCS#8 PEM with the row's id (the `kid`) as additional data, under
 * HKDF-SHA256(AUTH_SECRET, salt "", info "gatehouse signing-keys v1").
 */
export interface AppSigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
}

function wrappingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", appEnv.AUTH_SECRET!, "", "gatehouse signing-keys v1", 32));
}

function decryptPrivateKey(value: string, kid: string): string {
  const [version, keyId, iv, body] = value.split(".");
  const key = wrappingKey();
  if (version !== "v1" || !iv || !body) throw new Error(`Signing key ${kid}: not a v1 value`);
  // The key id is sha256 of the key's bytes (src/server/security/encryption.ts, keyFrom).
  if (keyId !== createHash("sha256").update(key).digest("hex").slice(0, 8)) {
    throw new Error(`Signing key ${kid} was wrapped with another key than this AUTH_SECRET's`);
  }
  const data = Buffer.from(body, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(kid));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString("utf8");
}

/** The newest key (the one that signs now). The app makes the first on first use: ask it for a token first. */
export async function appSigningKey(): Promise<AppSigningKey> {
  const row = await db.signingKey.findFirstOrThrow({ orderBy: { generation: "desc" } });
  return {
    kid: row.id,
    privateKey: createPrivateKey(decryptPrivateKey(row.privateKey, row.id)),
    publicJwk: JSON.parse(row.publicJwk) as JWK,
  };
}
