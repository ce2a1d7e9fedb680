import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as getOrgs } from "@/app/api/v1/orgs/route";
import { GET as getOrg, PATCH as patchOrg } from "@/app/api/v1/orgs/[slug]/route";
import type { ApiScope } from "@/lib/api-scopes";
import { classifyRoute, readsSession } from "@/lib/routes";
import { deleteAccount } from "@/server/account/deletion";
import { createApiToken, listApiTokens, revokeApiToken } from "@/server/api-tokens/manage";
import { generateApiToken, isWellFormedApiToken } from "@/server/api-tokens/format";
import { db } from "@/server/db";
import { listOutbox } from "@/server/mail/outbox";
import { removeMember } from "@/server/orgs/members";
import { hashToken } from "@/server/security/secrets";
import { orgWith } from "../support/orgs";
import { randomIp } from "../support/random";
import { countStatements } from "../support/sql-statements";
import { createUser } from "../support/users";

// Personal and organization API tokens (src/server/api-tokens), called through the /api/v1 route
// handlers. The guessing and cross-door attacks are in tests/attacks/api-tokens.test.ts.

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

function call(path: string, token: string | null, init: { method?: string; body?: unknown; ip?: string } = {}) {
  const headers: Record<string, string> = { "x-forwarded-for": init.ip ?? randomIp() };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(`http://localhost:3000${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const slugContext = (slug: string) => ({ params: Promise.resolve({ slug }) });

async function tokenFor(
  user: { id: string; email: string },
  scopes: ApiScope[],
  options: { orgSlug?: string; expiresAt?: Date; name?: string } = {},
) {
  const result = await createApiToken(user, {
    name: options.name ?? "Script",
    scopes,
    expiresAt: options.expiresAt ?? inDays(30),
    orgSlug: options.orgSlug ?? null,
  });
  if (!result.ok) throw new Error(result.message);
  return result.token;
}

describe("API tokens", () => {
  it("are made in our format, stored only as a hash, and open /api/v1/me", async () => {
    const user = await createUser({ name: "Ada" });
    const token = await tokenFor(user, ["profile:read"]);
    expect(token).toMatch(/^gth_pat_[0-9A-Za-z]{36}$/);
    expect(isWellFormedApiToken(token)).toBe(true);
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(8));
    expect(row.lastFour).toBe(token.slice(-4));

    const response = await getMe(call("/api/v1/me", token, { ip: "203.0.113.9" }), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ user: { id: user.id, email: user.email, name: "Ada" } });
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      lastUsedAt: expect.any(Date),
      lastUsedIp: "203.0.113.9",
    });
  });

  it("a token call is one statement to find the token, its owner and their membership, plus the rate limit", async () => {
    const { slug, owner } = await orgWith();
    const token = await tokenFor(owner.user, ["orgs:read"], { orgSlug: slug });
    const ip = randomIp();
    await getOrgs(call("/api/v1/orgs", token, { ip }), undefined);
    // "Last used" was just written: this call reads the token and counts the call, nothing else.
    let response: Response | undefined;
    const sql = await countStatements(async () => {
      response = await getOrgs(call("/api/v1/orgs", token, { ip }), undefined);
    });
    expect(response!.status).toBe(200);
    const lookups = sql.filter((s) => s.includes(`FROM "ApiToken"`));
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toContain(`JOIN "User"`);
    expect(lookups[0]).toContain(`"Membership"`);
    const limiter = sql.filter((s) => s.includes("RateLimiterFlexible"));
    expect(sql.length - limiter.length).toBe(1);
    // The limiter: the wrong-token count read, then the token's and the IP's counters.
    expect(limiter.length).toBeLessThanOrEqual(6);
  });

  it("a token without the route's scope gets 403 and names the scope", async () => {
    const user = await createUser();
    const token = await tokenFor(user, ["profile:read"]);
    const response = await getOrgs(call("/api/v1/orgs", token), undefined);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "insufficient_scope", scope: "orgs:read" });
  });

  it("unknown, malformed, revoked and expired tokens, a suspended owner's and a deleted account's all get the same 401", async () => {
    const user = await createUser();
    const revoked = await tokenFor(user, ["profile:read"], { name: "Revoked" });
    const revokedRow = await db.apiToken.findFirstOrThrow({ where: { userId: user.id, name: "Revoked" } });
    expect(await revokeApiToken(user, revokedRow.id)).toBe(true);
    const expired = await tokenFor(user, ["profile:read"], { name: "Expired" });
    await db.apiToken.updateMany({
      where: { tokenHash: hashToken(expired) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    const banned = await createUser();
    const bannedToken = await tokenFor(banned, ["profile:read"]);
    await db.user.update({ where: { id: banned.id }, data: { bannedAt: new Date(), banReason: "test" } });

    const deleted = await createUser();
    const deletedToken = await tokenFor(deleted, ["profile:read"]);
    expect(await deleteAccount(deleted.id, deleted.email)).toMatchObject({ ok: true });
    expect(await db.apiToken.count({ where: { userId: deleted.id } })).toBe(0);

    const unknown = generateApiToken().token;
    const badChecksum = `${unknown.slice(0, -1)}${unknown.endsWith("0") ? "1" : "0"}`;
    const bodies = new Set<string>();
    for (const token of [unknown, badChecksum, "gth_pat_short", revoked, expired, bannedToken, deletedToken, null]) {
      const response = await getMe(call("/api/v1/me", token), undefined);
      expect(response.status, String(token)).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
      bodies.add(await response.text());
    }
    expect(bodies.size).toBe(1);
  });

  it("a malformed token, or one with a wrong checksum, is refused before any database read", async () => {
    const { token } = generateApiToken();
    const wrongChecksum = `${token.slice(0, -6)}${"000000" === token.slice(-6) ? "000001" : "000000"}`;
    for (const bad of [wrongChecksum, "gth_pat_", "ghp_abc", `${token}x`, token.replace("gth_", "xyz_")]) {
      const sql = await countStatements(() => getMe(call("/api/v1/me", bad), undefined));
      expect(sql, bad).toEqual([]);
    }
  });

  it("is read only from one Authorization header: never from the query string or a cookie", async () => {
    const user = await createUser();
    const token = await tokenFor(user, ["profile:read"]);
    const inQuery = new NextRequest(`http://localhost:3000/api/v1/me?access_token=${token}&token=${token}`);
    expect((await getMe(inQuery, undefined)).status).toBe(401);
    const asCookie = new NextRequest("http://localhost:3000/api/v1/me", { headers: { cookie: `token=${token}` } });
    expect((await getMe(asCookie, undefined)).status).toBe(401);
    const twice = new Headers({ "x-forwarded-for": randomIp() });
    twice.append("authorization", `Bearer ${token}`);
    twice.append("authorization", `Bearer ${token}`);
    expect(
      (await getMe(new NextRequest("http://localhost:3000/api/v1/me", { headers: twice }), undefined)).status,
    ).toBe(401);
    expect((await getMe(call("/api/v1/me", token), undefined)).status).toBe(200);
  });

  it("/api/v1 answers to tokens only: middleware reads no session there", () => {
    expect(classifyRoute("/api/v1/me")).toBe("public");
    expect(readsSession("/api/v1/me")).toBe(false);
    expect(readsSession("/api/v1")).toBe(false);
    expect(readsSession("/api/v10")).toBe(true);
    expect(classifyRoute("/api/v10")).toBe("protected-api");
  });

  it("creation and revocation go to the security log and email the owner; revoking another's token does nothing", async () => {
    const user = await createUser();
    const other = await createUser();
    await tokenFor(user, ["profile:read"], { name: "Laptop" });
    const [listed] = await listApiTokens(user.id);
    expect(listed).toMatchObject({ name: "Laptop", scopes: ["profile:read"], lastUsedAt: null });
    expect(listed).not.toHaveProperty("tokenHash");
    expect(await revokeApiToken(other, listed!.id)).toBe(false);
    expect(await db.apiToken.count({ where: { id: listed!.id } })).toBe(1);
    expect(await revokeApiToken(user, listed!.id)).toBe(true);
    const events = await db.securityEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.type, e.detail])).toEqual([
      ["api-token-created", "Laptop"],
      ["api-token-revoked", "Laptop"],
    ]);
    const subjects = (await listOutbox()).filter((m) => m.to === user.email).map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        "A new API token was created for your Gatehouse account",
        "An API token was revoked on your Gatehouse account",
      ]),
    );
    expect(await db.securityEvent.count({ where: { userId: other.id } })).toBe(0);
  });
});

describe("organization tokens", () => {
  it("act only in their organization, with the role the database holds now", async () => {
    const { slug, owner, members } = await orgWith("admin");
    const other = await orgWith();
    // The owner of A is also a member of B.
    await db.membership.create({
      data: {
        organizationId: (await db.organization.findUniqueOrThrow({ where: { slug: other.slug } })).id,
        userId: owner.user.id,
        role: "member",
      },
    });
    const token = await tokenFor(owner.user, ["orgs:read", "orgs:write"], { orgSlug: slug });
    const listed = await (await getOrgs(call("/api/v1/orgs", token), undefined)).json();
    expect(listed).toEqual({ organizations: [expect.objectContaining({ slug, role: "owner" })] });
    expect((await getOrg(call(`/api/v1/orgs/${other.slug}`, token), slugContext(other.slug))).status).toBe(404);
    const renamed = await patchOrg(
      call(`/api/v1/orgs/${slug}`, token, { method: "PATCH", body: { name: "Renamed by API" } }),
      slugContext(slug),
    );
    expect(renamed.status).toBe(200);
    expect((await db.organization.findUniqueOrThrow({ where: { slug } })).name).toBe("Renamed by API");

    // An admin's write token can't do an owner's work.
    const admin = members[0]!;
    const adminToken = await tokenFor(admin.user, ["orgs:read", "orgs:write"], { orgSlug: slug });
    const refused = await patchOrg(
      call(`/api/v1/orgs/${slug}`, adminToken, { method: "PATCH", body: { name: "Hijacked" } }),
      slugContext(slug),
    );
    expect(refused.status).toBe(403);
    expect((await db.organization.findUniqueOrThrow({ where: { slug } })).name).toBe("Renamed by API");

    // Removed from the organization: the token fails on its next use.
    expect(await removeMember(owner.member, admin.member.membershipId)).toBe("done");
    const afterRemoval = await getOrgs(call("/api/v1/orgs", adminToken), undefined);
    expect(afterRemoval.status).toBe(401);
  });

  it("can't be made for an organization one isn't in, or with more than one's role", async () => {
    const { slug, members } = await orgWith("member");
    const member = members[0]!;
    const outsider = await createUser();
    expect(
      await createApiToken(outsider, { name: "x", scopes: ["orgs:read"], expiresAt: inDays(7), orgSlug: slug }),
    ).toMatchObject({ ok: false, field: "orgSlug" });
    expect(
      await createApiToken(member.user, { name: "x", scopes: ["orgs:write"], expiresAt: inDays(7), orgSlug: slug }),
    ).toMatchObject({ ok: false, field: "scopes" });
    expect(await db.apiToken.count({ where: { userId: { in: [outsider.id, member.user.id] } } })).toBe(0);
    expect(await db.securityEvent.count({ where: { userId: { in: [outsider.id, member.user.id] } } })).toBe(0);
  });

  it("a personal token reads any of its owner's organizations, by the slug in the URL, and nobody else's", async () => {
    const mine = await orgWith();
    const theirs = await orgWith();
    const token = await tokenFor(mine.owner.user, ["orgs:read"]);
    const ok = await getOrg(call(`/api/v1/orgs/${mine.slug}`, token), slugContext(mine.slug));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      organization: { slug: mine.slug, role: "owner" },
      members: [{ id: mine.owner.user.id, role: "owner" }],
    });
    const notMine = await getOrg(call(`/api/v1/orgs/${theirs.slug}`, token), slugContext(theirs.slug));
    expect(notMine.status).toBe(404);
    const missing = await getOrg(call("/api/v1/orgs/no-such-org-here", token), slugContext("no-such-org-here"));
    expect(await notMine.text()).toBe(await missing.text());
  });
});
