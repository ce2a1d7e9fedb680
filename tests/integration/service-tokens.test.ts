import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import { describe, expect, it } from "vitest";
import { GET as getJwks } from "@/app/.well-known/jwks.json/route";
import { classifyRoute, readsSession } from "@/lib/routes";
import { cleanupExpiredRecords } from "@/server/cleanup";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { issueServiceToken } from "@/server/service-tokens/issue";
import {
  decryptPrivateKey,
  PUBLISHED_AFTER_RETIREMENT_SECONDS,
  publishedKeys,
  rotateSigningKey,
  SERVICE_TOKEN_SECONDS,
  SigningKeyError,
} from "@/server/service-tokens/signing-keys";
import { orgWith } from "../support/orgs";
import { createUser } from "../support/users";

// The keys behind service tokens and the tokens themselves (src/server/service-tokens). The
// /api/token endpoint and a real verifying service are in tests/e2e/service-tokens.spec.ts. Only
// this file writes SigningKey rows among the in-process tests.

async function jwks(): Promise<JSONWebKeySet> {
  const response = await getJwks();
  return (await response.json()) as JSONWebKeySet;
}

const subjectOf = (user: { id: string; email: string; name: string | null }) => ({
  userId: user.id,
  sessionId: "session-id-1",
  email: user.email,
  name: user.name,
});

describe("signing keys", () => {
  it("the first key is made once, even when several requests ask for it at the same moment", async () => {
    await db.signingKey.deleteMany();
    const answers = await Promise.all(Array.from({ length: 6 }, () => publishedKeys()));
    const rows = await db.signingKey.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ generation: 1, alg: "RS256", retiredAt: null });
    for (const keys of answers) expect(keys.map((k) => k.id)).toEqual([rows[0]!.id]);
  });

  it("the JWKS publishes public keys only, cacheable for five minutes", async () => {
    const response = await getJwks();
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const { keys } = (await response.json()) as JSONWebKeySet;
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
      expect(key).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    }
    expect(classifyRoute("/.well-known/jwks.json")).toBe("public");
    expect(readsSession("/.well-known/jwks.json")).toBe(false);
  });

  it("the private half is stored encrypted, and another AUTH_SECRET fails loudly instead of making a key", async () => {
    const [key] = await publishedKeys();
    expect(key!.privateKey).toMatch(/^v1\./);
    expect(key!.privateKey).not.toContain("PRIVATE KEY");
    expect(decryptPrivateKey(key!)).toContain("BEGIN PRIVATE KEY");
    const count = await db.signingKey.count();
    expect(() => decryptPrivateKey(key!, "another-secret-not-for-production-0123456789")).toThrow(SigningKeyError);
    expect(() => decryptPrivateKey(key!, "another-secret-not-for-production-0123456789")).toThrow(/AUTH_SECRET/);
    expect(await db.signingKey.count()).toBe(count);
  });

  it("rotation: the new key signs at once, the old one stays published until its tokens have expired", async () => {
    const user = await createUser();
    const before = await issueServiceToken(subjectOf(user), "orders-api", null);
    const oldKid = decodeProtectedHeader(before.token).kid;
    const { kid, retired } = await rotateSigningKey();
    expect(retired).toBe(oldKid);
    const after = await issueServiceToken(subjectOf(user), "orders-api", null);
    expect(decodeProtectedHeader(after.token).kid).toBe(kid);

    // Both verify against the published set.
    const set = createLocalJWKSet(await jwks());
    for (const { token } of [before, after]) {
      await expect(jwtVerify(token, set, { issuer: env.appUrl, audience: "orders-api" })).resolves.toBeTruthy();
    }
    // Once the old key's last token has expired, it is no longer published, and the cleanup deletes it.
    const later = new Date(Date.now() + (PUBLISHED_AFTER_RETIREMENT_SECONDS + 1) * 1000);
    expect((await publishedKeys(later)).map((k) => k.id)).toEqual([kid]);
    await cleanupExpiredRecords(later);
    expect(await db.signingKey.findUnique({ where: { id: oldKid! } })).toBeNull();
    expect(await db.signingKey.findUnique({ where: { id: kid } })).not.toBeNull();
  });
});

describe("service tokens", () => {
  it("carry iss, sub, aud, iat, nbf, exp (five minutes), jti and sid, and nothing about the person unless asked", async () => {
    const user = await createUser({ name: "Grace" });
    const { token, expiresAt } = await issueServiceToken(subjectOf(user), "orders-api", null);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(await jwks()), {
      issuer: env.appUrl,
      audience: "orders-api",
      algorithms: ["RS256"],
    });
    expect(protectedHeader).toMatchObject({ alg: "RS256", typ: "JWT", kid: expect.any(String) });
    expect(Object.keys(payload).sort()).toEqual(["aud", "exp", "iat", "iss", "jti", "nbf", "sid", "sub"]);
    expect(payload).toMatchObject({ sub: user.id, aud: "orders-api", sid: "session-id-1" });
    expect(payload.exp! - payload.iat!).toBe(SERVICE_TOKEN_SECONDS);
    expect(payload.nbf).toBe(payload.iat);
    expect(expiresAt.getTime()).toBe(payload.exp! * 1000);
    expect(token).not.toContain(Buffer.from(user.email).toString("base64url").slice(0, 12));
  });

  it("an organization's claim is its id, slug and the role the database holds", async () => {
    const { slug, members } = await orgWith("admin");
    const admin = members[0]!;
    const { token } = await issueServiceToken(subjectOf(admin.user), "orders-api", admin.member);
    const { payload } = await jwtVerify(token, createLocalJWKSet(await jwks()), {
      issuer: env.appUrl,
      audience: "orders-api",
    });
    expect(payload.org).toEqual({ id: admin.member.organization.id, slug, role: "admin" });
  });

  it("two rotations at once never leave two keys signing; one that loses the race says so", async () => {
    const count = await db.signingKey.count();
    const results = await Promise.allSettled([rotateSigningKey(), rotateSigningKey()]);
    const added = await db.signingKey.count();
    const fulfilled = results.filter((r) => r.status === "fulfilled").length;
    expect(fulfilled).toBeGreaterThanOrEqual(1);
    expect(added - count).toBe(fulfilled);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(SigningKeyError);
    }
    expect(await db.signingKey.count({ where: { retiredAt: null } })).toBe(1);
  });
});
