import { afterEach, describe, expect, it } from "vitest";
import { site } from "@/config/site";
import { decrypt, encrypt, encryptionKeys } from "@/server/security/encryption";
import { verifyTotp } from "@/server/two-factor/factor";
import { totpCodeAt } from "@/server/two-factor/totp";
import { userWithTwoFactor } from "../support/two-factor";

// "Make it yours" renames the product in src/config/site.ts. Keys are not derived from that name
// (src/server/security/derived-keys.ts), so two-factor secrets enrolled before a rename still
// decrypt after it.
const named = site as { slug: string };
const original = site.slug;
afterEach(() => {
  named.slug = original;
});

describe("renaming the product (site.slug) after people enrolled two-factor", () => {
  it("their authenticator codes still sign them in", async () => {
    const { user, secret } = await userWithTwoFactor();
    named.slug = "acme-renamed";
    // A code from the next 30-second step: the enrolment's own code is spent.
    expect(await verifyTotp(user.id, totpCodeAt(secret, Date.now() + 30_000))).toBe(true);
  });

  it("a value encrypted under an earlier, slug-derived key still decrypts once, for re-encryption", () => {
    // What a project renamed before the label was fixed holds: encrypted with "<slug> encryption v1".
    named.slug = "acme-renamed";
    const legacy = encryptionKeys({ ENCRYPTION_KEY: undefined, authSecret: "s".repeat(40) })[1]!;
    const value = encrypt("JBSWY3DPEHPK3PXP", "user-1", [legacy]);
    expect(decrypt(value, "user-1", encryptionKeys({ ENCRYPTION_KEY: undefined, authSecret: "s".repeat(40) }))).toBe(
      "JBSWY3DPEHPK3PXP",
    );
  });
});
