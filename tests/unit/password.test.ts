import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/server/security/password-hashing";

const PASSWORD = "correct horse battery staple";

describe("storing a password", () => {
  it("hashes with argon2id and records the OWASP parameters (19 MiB, 2 passes, 1 lane)", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[^$]+\$[^$]+$/);
    expect(hash).not.toContain(PASSWORD);
  });

  it("salts every hash, so the same password never gives the same hash twice", async () => {
    const [first, second] = [await hashPassword(PASSWORD), await hashPassword(PASSWORD)];
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, PASSWORD)).toBe(true);
    expect(await verifyPassword(second, PASSWORD)).toBe(true);
  });
});

describe("checking a password", () => {
  it("accepts the right password and refuses any other, even one differing only in case or spacing", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    for (const wrong of ["Correct horse battery staple", `${PASSWORD} `, "correct horse battery", ""]) {
      expect(await verifyPassword(hash, wrong)).toBe(false);
    }
  });

  it("answers false, without throwing, when the stored hash is garbage", async () => {
    for (const garbage of [
      "not-a-hash",
      "",
      "$argon2id$",
      "$argon2id$v=19$m=19456,t=2,p=1$short$short",
      "$2b$10$bcrypt-looking",
    ]) {
      await expect(verifyPassword(garbage, PASSWORD)).resolves.toBe(false);
    }
  });

  it("the dummy check (for an account that has no password) always says no, whatever is typed", async () => {
    await expect(verifyAgainstDummy("gatehouse-timing-equaliser")).resolves.toBe(false);
    await expect(verifyAgainstDummy(PASSWORD)).resolves.toBe(false);
    await expect(verifyAgainstDummy("")).resolves.toBe(false);
  });
});
