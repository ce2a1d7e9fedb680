import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decrypt, DecryptionError, encrypt, encryptedWithOldKey, encryptionKeys } from "@/server/security/encryption";

const key = () => randomBytes(32).toString("base64");
const keysOf = (...keys: string[]) => encryptionKeys({ ENCRYPTION_KEY: keys, authSecret: "unused" });

describe("encryption of stored secrets", () => {
  it("round-trips, with a fresh IV each time", () => {
    const keys = keysOf(key());
    const a = encrypt("JBSWY3DPEHPK3PXP", "user-1", keys);
    const b = encrypt("JBSWY3DPEHPK3PXP", "user-1", keys);
    expect(a).not.toBe(b);
    expect(decrypt(a, "user-1", keys)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("fails closed with a wrong key, a wrong owner or a changed byte", () => {
    const keys = keysOf(key());
    const value = encrypt("secret", "user-1", keys);
    expect(() => decrypt(value, "user-1", keysOf(key()))).toThrow(DecryptionError);
    expect(() => decrypt(value, "user-2", keys)).toThrow(DecryptionError);
    const body = value.split(".")[3]!;
    const flipped = value.replace(body, `${body[0] === "A" ? "B" : "A"}${body.slice(1)}`);
    expect(() => decrypt(flipped, "user-1", keys)).toThrow(DecryptionError);
    expect(() => decrypt("v1.nope", "user-1", keys)).toThrow(DecryptionError);
  });

  it("rotates: an old key still decrypts, and says the value needs re-encrypting", () => {
    const [oldKey, newKey] = [key(), key()];
    const value = encrypt("secret", "user-1", keysOf(oldKey));
    const rotated = keysOf(newKey, oldKey);
    expect(decrypt(value, "user-1", rotated)).toBe("secret");
    expect(encryptedWithOldKey(value, rotated)).toBe(true);
    expect(encryptedWithOldKey(encrypt("secret", "user-1", rotated), rotated)).toBe(false);
  });

  it("derives a key from AUTH_SECRET when ENCRYPTION_KEY is unset", () => {
    const a = encryptionKeys({ ENCRYPTION_KEY: undefined, authSecret: "a".repeat(40) });
    const b = encryptionKeys({ ENCRYPTION_KEY: undefined, authSecret: "b".repeat(40) });
    expect(a[0]!.bytes).toHaveLength(32);
    expect(a[0]!.id).not.toBe(b[0]!.id);
  });
});
