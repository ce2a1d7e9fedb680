import { createPublicKey, randomUUID } from "node:crypto";
import {
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type JWTPayload,
} from "jose";
import { APP_URL } from "../e2e/env";
import { createAccount } from "../e2e/support/accounts";
import { appSigningKey } from "../e2e/support/signing-key";
import { serviceToken, startExampleService, type ExampleService } from "../e2e/support/service-tokens";
import { expect, test } from "../e2e/support/test";

/**
 * Attack: get another service to act on a token Gatehouse never issued for it. The attacker has an
 * account, so real tokens (for themselves, for other services) and the public keys (the JWKS); the
 * tokens they forge name a victim. The verifier is examples/express-api, as a service would copy
 * it. Each forgery is refused (401), and for the reason it was built to fail on: a forgery refused
 * for some other reason proves nothing. Seen in the wild: verifiers that take `alg` from the token
 * ("none"; HS256 with the RSA public key as the HMAC secret), that skip `aud` (a token for one
 * service replayed at another), or that fetch keys named by the token.
 *
 * And: a page on another site, or a script holding a stolen cookie, asking /api/token for a token.
 * (A support session asking for one: tests/attacks/api-token-doors.spec.ts.)
 */

let ordersApi: ExampleService;
test.beforeAll(async () => {
  ordersApi = await startExampleService("orders-api");
});
test.afterAll(async () => {
  await ordersApi.close();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

test("forged, misdirected, expired and edited tokens are refused by the service, each for its own reason", async ({
  page,
  login,
}) => {
  await login();
  const victim = await createAccount({ name: "Victim" });
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const real = await serviceToken(page, { audience: "orders-api" });
  const { kid } = decodeProtectedHeader(real);
  // The attacker's own token's claims, now naming the victim.
  const claims: JWTPayload = { ...decodeJwt(real), sub: victim.id };
  const now = Math.floor(Date.now() / 1000);

  // The app's key, as the app holds it: what only the issuer can sign, the test signs too.
  const appKey = await appSigningKey();
  expect(appKey.kid).toBe(kid);
  const signedByApp = (payload: JWTPayload) =>
    new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(appKey.privateKey);

  // The controls: the attacker's real token, and the victim's claims signed with the app's key,
  // are taken. So each refusal below is for what that forgery changed.
  expect(await ordersApi.whoami(real)).toMatchObject({ status: 200 });
  expect(await ordersApi.whoami(await signedByApp(claims))).toMatchObject({ status: 200, body: { userId: victim.id } });

  const publicPem = createPublicKey({ key: appKey.publicJwk, format: "jwk" }).export({ type: "spki", format: "pem" });
  const attackerKey = await generateKeyPair("RS256");
  const [header, payload, signature] = real.split(".");

  const forgeries: Array<[string, string, string]> = [
    ["no signature (alg: none)", new UnsecuredJWT(claims).encode(), "ERR_JOSE_ALG_NOT_ALLOWED"],
    [
      "alg: none under the real kid, the real header otherwise",
      `${b64({ alg: "none", kid, typ: "JWT" })}.${b64(claims)}.`,
      "ERR_JOSE_ALG_NOT_ALLOWED",
    ],
    [
      "HS256 with the public key's PEM as the secret",
      await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid, typ: "JWT" }).sign(Buffer.from(publicPem)),
      "ERR_JOSE_ALG_NOT_ALLOWED",
    ],
    [
      "HS256 with the published JWK's JSON as the secret",
      await new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256", kid, typ: "JWT" })
        .sign(Buffer.from(JSON.stringify(appKey.publicJwk))),
      "ERR_JOSE_ALG_NOT_ALLOWED",
    ],
    [
      "a real token for another service (billing-api)",
      await serviceToken(page, { audience: "billing-api" }),
      "ERR_JWT_CLAIM_VALIDATION_FAILED:aud",
    ],
    [
      "the app's key, another issuer",
      await signedByApp({ ...claims, iss: "http://evil.example" }),
      "ERR_JWT_CLAIM_VALIDATION_FAILED:iss",
    ],
    [
      "the app's key, the issuer with a trailing slash",
      await signedByApp({ ...claims, iss: `${APP_URL}/` }),
      "ERR_JWT_CLAIM_VALIDATION_FAILED:iss",
    ],
    [
      "the app's key, expired a minute ago",
      await signedByApp({ ...claims, iat: now - 360, nbf: now - 360, exp: now - 60 }),
      "ERR_JWT_EXPIRED",
    ],
    [
      "the app's key, no expiry at all",
      await signedByApp({ ...claims, exp: undefined }),
      "ERR_JWT_CLAIM_VALIDATION_FAILED:exp",
    ],
    [
      "the attacker's own key under a kid the JWKS doesn't have",
      await new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: randomUUID(), typ: "JWT" })
        .sign(attackerKey.privateKey),
      "ERR_JWKS_NO_MATCHING_KEY",
    ],
    [
      "the attacker's own key under the real kid",
      await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(attackerKey.privateKey),
      "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
    ],
    [
      "the attacker's own key, sent along in the header (jwk)",
      await new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT", jwk: await exportJWK(attackerKey.publicKey) })
        .sign(attackerKey.privateKey),
      "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
    ],
    [
      "a real token, its payload edited to name the victim, its signature kept",
      `${header}.${b64(claims)}.${signature}`,
      "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
    ],
    ["a real token, its signature cut off", `${header}.${payload}.`, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"],
  ];

  for (const [forgery, token, reason] of forgeries) {
    ordersApi.reasons.length = 0;
    // One answer for every refusal: the caller learns nothing about why.
    expect(await ordersApi.whoami(token), forgery).toEqual({ status: 401, body: { error: "invalid_token" } });
    expect(ordersApi.reasons, forgery).toEqual([reason]);
  }
});

test("/api/token issues nothing to another site, or to a script that holds the cookie", async ({
  context,
  login,
  request,
}) => {
  await login();
  const cookie = (await context.cookies(APP_URL)).find((c) => c.name === "authjs.session-token")!;
  const ask = (headers: Record<string, string>) =>
    request.post("/api/token", {
      headers: { cookie: `${cookie.name}=${cookie.value}`, ...headers },
      data: { audience: "orders-api" },
    });

  // The control: the same request, as the app's own page sends it.
  const own = await ask({ origin: APP_URL, "sec-fetch-site": "same-origin" });
  expect(own.status()).toBe(200);

  const refused: Array<[string, Record<string, string>]> = [
    ["another site", { origin: "http://evil.example", "sec-fetch-site": "cross-site" }],
    [
      "another site, by the browser's word, claiming the app's origin",
      { origin: APP_URL, "sec-fetch-site": "cross-site" },
    ],
    [
      "a sibling on the same host (same-site, not same-origin)",
      { origin: "http://localhost:3999", "sec-fetch-site": "same-site" },
    ],
    ["a sandboxed frame or a redirect (Origin: null)", { origin: "null", "sec-fetch-site": "cross-site" }],
    ["no Origin at all (curl with a stolen cookie)", {}],
  ];
  for (const [who, headers] of refused) {
    const answer = await ask(headers);
    expect(answer.status(), who).toBe(403);
    expect(await answer.json(), who).toMatchObject({ error: "cross_site" });
  }
});
