import { createHash } from "node:crypto";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { APP_URL } from "./env";
import { randomIp } from "../support/random";
import { createAccount, createSessionToken } from "./support/accounts";
import { db, writeWithRetry } from "./support/db";
import { createOrg } from "./support/orgs";
import { askForServiceToken, serviceToken, startExampleService, type ExampleService } from "./support/service-tokens";
import { expect, test } from "./support/test";

/**
 * Service tokens: the app's own page asks POST /api/token for a five-minute JWT for another
 * service, and that service (examples/express-api, here in the test's process) checks it against
 * /.well-known/jwks.json. Forged and misdirected tokens: tests/attacks/service-token-forgery.spec.ts.
 */

let ordersApi: ExampleService;
test.beforeAll(async () => {
  ordersApi = await startExampleService("orders-api");
});
test.afterAll(async () => {
  await ordersApi.close();
});

test("a signed-in page gets a five-minute token that says who, from which session, and nothing more", async ({
  page,
  context,
  login,
  request,
}) => {
  const account = await login();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const answer = await askForServiceToken(page, { audience: "orders-api" });
  expect(answer.status).toBe(200);
  const { token, expiresAt } = answer.body as { token: string; expiresAt: string };

  const claims = decodeJwt(token);
  // Who, for whom, and for how long; no email, no name, nothing else.
  expect(Object.keys(claims).sort()).toEqual(["aud", "exp", "iat", "iss", "jti", "nbf", "sid", "sub"]);
  expect(claims).toMatchObject({ iss: APP_URL, aud: "orders-api", sub: account.id });
  expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300);
  expect(claims.exp! - claims.iat!).toBeGreaterThan(0);
  expect(claims.nbf).toBe(claims.iat);
  expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(60);
  expect(new Date(expiresAt).getTime()).toBe(claims.exp! * 1000);
  expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);

  // `sid` is the session's id, never its cookie (or the cookie's hash, which the database keeps).
  const cookie = (await context.cookies(APP_URL)).find((c) => c.name === "authjs.session-token")!.value;
  const session = await db.session.findFirstOrThrow({ where: { userId: account.id } });
  expect(claims.sid).toBe(session.id);
  expect(claims.sid).not.toBe(cookie);
  expect(claims.sid).not.toBe(createHash("sha256").update(cookie).digest("hex"));

  // Signed with a key the JWKS publishes; the JWKS holds the public numbers only, for anyone.
  const header = decodeProtectedHeader(token);
  expect(header).toMatchObject({ alg: "RS256", typ: "JWT" });
  const jwks = await request.get("/.well-known/jwks.json");
  expect(jwks.status()).toBe(200);
  expect(jwks.headers()["cache-control"]).toBe("public, max-age=300");
  const { keys } = (await jwks.json()) as { keys: Array<Record<string, unknown>> };
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    expect(Object.keys(key).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    expect(key).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(key).not.toHaveProperty(secret);
  }
  expect(keys.map((key) => key.kid)).toContain(header.kid);

  // Each token is its own.
  const second = decodeJwt(await serviceToken(page, { audience: "orders-api" }));
  expect(second.jti).not.toBe(claims.jti);

  // The service takes it: the user and the session, without a call to the app's database.
  expect(await ordersApi.whoami(token)).toEqual({
    status: 200,
    body: { userId: account.id, sessionId: session.id, org: null },
  });
});

test("asked for one of the user's organizations, the token carries it with their role there", async ({
  page,
  login,
}) => {
  const account = await login();
  const own = await createOrg(account, "Ada's Analytics");
  const owner = await createAccount({ name: "Someone else" });
  const joined = await createOrg(owner, "Babbage Engines");
  await writeWithRetry(() =>
    db.membership.create({ data: { organizationId: joined.id, userId: account.id, role: "member" } }),
  );
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const asOwner = await serviceToken(page, { audience: "orders-api", org: own.slug });
  expect(decodeJwt(asOwner).org).toEqual({ id: own.id, slug: own.slug, role: "owner" });
  expect(await ordersApi.whoami(asOwner)).toMatchObject({
    status: 200,
    body: { userId: account.id, org: { id: own.id, slug: own.slug, role: "owner" } },
  });

  const asMember = await serviceToken(page, { audience: "orders-api", org: joined.slug });
  expect(decodeJwt(asMember).org).toEqual({ id: joined.id, slug: joined.slug, role: "member" });
});

test("/api/token refuses GET, the signed out, unknown services and organizations the user is not in", async ({
  page,
  login,
  request,
}) => {
  const account = await login();
  const someoneElses = await createOrg(await createAccount({ name: "Not Ada" }), "Not Ada's");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Only POST (Next answers the methods the route doesn't export).
  expect((await page.request.get("/api/token")).status()).toBe(405);

  // Signed out: middleware answers before the route.
  const signedOut = await request.post("/api/token", {
    headers: { origin: APP_URL },
    data: { audience: "orders-api" },
  });
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.json()).toMatchObject({ error: "unauthenticated" });

  // Only the services in SERVICE_TOKEN_AUDIENCES, by their whole name.
  for (const audience of ["payments-api", "orders", "orders-api,billing-api", ""]) {
    const answer = await askForServiceToken(page, { audience });
    expect(answer, `audience "${audience}"`).toMatchObject({ status: 400, body: { error: "unknown_audience" } });
  }

  // Another organization, or one that doesn't exist: the same refusal.
  for (const org of [someoneElses.slug, "no-such-org"]) {
    const answer = await askForServiceToken(page, { audience: "orders-api", org });
    expect(answer, org).toMatchObject({ status: 403, body: { error: "not_a_member" } });
  }
  expect(await db.membership.count({ where: { userId: account.id } })).toBe(0);

  // The other service named in SERVICE_TOKEN_AUDIENCES gets its own tokens.
  expect(decodeJwt(await serviceToken(page, { audience: "billing-api" })).aud).toBe("billing-api");
});

test("/api/token refuses a session still waiting for its second factor, and a suspended user's", async ({
  request,
}) => {
  const ask = (cookie: string) =>
    request.post("/api/token", {
      headers: { origin: APP_URL, cookie: `authjs.session-token=${cookie}`, "x-forwarded-for": randomIp() },
      data: { audience: "orders-api" },
    });
  const pending = await createAccount();
  const pendingCookie = await createSessionToken(pending.id);
  await writeWithRetry(() =>
    db.session.updateMany({ where: { userId: pending.id }, data: { secondFactorPending: true } }),
  );
  const half = await ask(pendingCookie);
  expect(half.status()).toBe(401);
  expect(await half.json()).toMatchObject({ error: "second-factor-required" });

  const suspended = await createAccount();
  const suspendedCookie = await createSessionToken(suspended.id);
  expect((await ask(suspendedCookie)).status()).toBe(200);
  await writeWithRetry(() =>
    db.user.update({ where: { id: suspended.id }, data: { bannedAt: new Date(), banReason: "test" } }),
  );
  const refused = await ask(suspendedCookie);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: "unauthenticated" });
});
