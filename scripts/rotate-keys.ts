// `npm run keys:rotate`: adds a key that signs service tokens from now on (/api/token). The key it
// replaces stays published at /.well-known/jwks.json until the last token it signed has expired,
// so no verifier sees a valid token fail; keys retired before that are deleted. Run it on a
// schedule, after a suspected leak, or after AUTH_SECRET changed (the old private key no longer
// decrypts; its public half stays published until it is past use). docs/decisions/0023-api-access.md.
import { config as loadEnv } from "dotenv";

loadEnv({ path: [".env.local", ".env"], quiet: true });

async function main() {
  if (process.argv.length > 2) throw new Error("Usage: npm run keys:rotate");
  const { db } = await import("../src/server/db");
  const { rotateSigningKey, PUBLISHED_AFTER_RETIREMENT_SECONDS } =
    await import("../src/server/service-tokens/signing-keys");
  try {
    const { kid, retired, deleted } = await rotateSigningKey();
    console.log(`New signing key ${kid} signs service tokens from now on.`);
    if (retired) {
      console.log(`The key before it, ${retired}, stays published for ${PUBLISHED_AFTER_RETIREMENT_SECONDS} s.`);
    }
    if (deleted > 0) console.log(`Deleted ${deleted} key(s) no token can still need.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
