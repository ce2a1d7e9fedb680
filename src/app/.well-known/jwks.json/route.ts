import { NextResponse } from "next/server";
import { env } from "@/server/env";
import { publicJwk, publishedKeys } from "@/server/service-tokens/signing-keys";

/**
 * The public keys other services verify service tokens with (src/server/service-tokens): `kid`,
 * `alg`, `use: "sig"` and the RSA public numbers, nothing private. Session-free (src/lib/routes.ts)
 * and cacheable for five minutes: a verifier that meets an unknown `kid` after a rotation fetches
 * it again (jose's createRemoteJWKSet does). Like /api/token, a 404 while SERVICE_TOKEN_AUDIENCES is
 * unset: no key is made for a feature that is off.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  if (!env.SERVICE_TOKEN_AUDIENCES) return new NextResponse("Not found", { status: 404 });
  const keys = (await publishedKeys()).map((key) => {
    const { kty, n, e, kid, alg, use } = publicJwk(key);
    return { kty, n, e, kid, alg, use };
  });
  return NextResponse.json(
    { keys },
    { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } },
  );
}
