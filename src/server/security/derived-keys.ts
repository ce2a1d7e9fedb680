import "server-only";
import { hkdfSync } from "node:crypto";

/**
 * A 32-byte key for one purpose, derived from AUTH_SECRET with HKDF. The label is fixed here and
 * is never the product's name (`site.slug`): renaming the product must not change a key, or every
 * two-factor secret encrypted with it would stop decrypting (tests/integration/rename-product.test.ts).
 */
export const KEY_LABEL = "gatehouse";

export function deriveKey(secret: string, purpose: string, label = KEY_LABEL): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", `${label} ${purpose} v1`, 32));
}
