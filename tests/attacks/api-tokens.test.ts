import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { createApiTokenSchema, scopeField } from "@/lib/api-token-schemas";
import { createApiToken } from "@/server/api-tokens/manage";
import { generateApiToken } from "@/server/api-tokens/format";
import { RATE_LIMITS } from "@/server/security/rate-limit";
import { randomIp } from "../support/random";
import { countStatements } from "../support/sql-statements";
import { createUser } from "../support/users";

/**
 * Attack: guess an API token at /api/v1. A token is 178 random bits with a checksum, so a guess
 * that is not made from a real token fails the checksum for free (no database read, nothing
 * counted). One that is well-formed (a checksum is public: anyone can make one) is looked up and,
 * when it opens nothing, counted against the client's IP; after RATE_LIMITS.apiTokenFailureIp.points
 * of them in 15 minutes the address is refused before any lookup: 120 well-formed guesses an hour
 * per address (per IPv6 /64), against 62^30 possible tokens.
 */
const ME = "http://localhost:3000/api/v1/me";
const request = (token: string, forwardedFor: string) =>
  new NextRequest(ME, { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": forwardedFor } });

async function realToken() {
  const user = await createUser();
  const result = await createApiToken(user, {
    name: "Real",
    scopes: ["profile:read"],
    expiresAt: new Date(Date.now() + 86_400_000),
    orgSlug: null,
  });
  if (!result.ok) throw new Error(result.message);
  return result.token;
}

describe("guessing API tokens", () => {
  it("well-formed wrong tokens run out, even with a forged X-Forwarded-For on each; then even a real token is refused from there, unread", async () => {
    const real = await realToken();
    const proxySaw = randomIp();
    for (let i = 0; i < RATE_LIMITS.apiTokenFailureIp.points; i++) {
      const response = await getMe(request(generateApiToken().token, `${randomIp(99)}, ${proxySaw}`), undefined);
      expect(response.status).toBe(401);
    }
    let refused: Response | undefined;
    const sql = await countStatements(async () => {
      refused = await getMe(request(real, `${randomIp(99)}, ${proxySaw}`), undefined);
    });
    expect(refused!.status).toBe(429);
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(sql.filter((s) => s.includes(`"ApiToken"`))).toEqual([]);
    // Another address is not affected.
    expect((await getMe(request(real, randomIp()), undefined)).status).toBe(200);
  });

  it("new addresses inside one IPv6 /64 share one count", async () => {
    const real = await realToken();
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:7`;
    for (let i = 0; i < RATE_LIMITS.apiTokenFailureIp.points; i++) {
      const response = await getMe(request(generateApiToken().token, `${prefix}::${(i + 1).toString(16)}`), undefined);
      expect(response.status).toBe(401);
    }
    expect((await getMe(request(real, `${prefix}::ffff`), undefined)).status).toBe(429);
  });

  it("a made-up token with a wrong checksum costs nothing and counts nothing", async () => {
    const real = await realToken();
    const ip = randomIp();
    for (let i = 0; i < RATE_LIMITS.apiTokenFailureIp.points + 5; i++) {
      const { token } = generateApiToken();
      const forged = `${token.slice(0, -6)}${token.slice(-6) === "AAAAAA" ? "AAAAAB" : "AAAAAA"}`;
      const sql = await countStatements(() => getMe(request(forged, ip), undefined));
      expect(sql).toEqual([]);
    }
    expect((await getMe(request(real, ip), undefined)).status).toBe(200);
  });
});

describe("making a token for someone else (better-auth CVE-2025-61928)", () => {
  it("the form's schema has no field that names the owner: a userId sent along is dropped", () => {
    const parsed = createApiTokenSchema.safeParse({
      name: "Mine now",
      expiresIn: "30",
      [scopeField("profile:read")]: "on",
      userId: "someone-else",
      organizationId: "their-org",
      scopes: "orgs:write",
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({
      name: "Mine now",
      scopes: ["profile:read"],
      expiresAt: expect.any(Date),
      orgSlug: null,
    });
  });

  it("a scope that is not on the server's list, or no expiry, is refused", () => {
    for (const body of [
      { name: "x", expiresIn: "30", "scope:admin:all": "on" },
      { name: "x", expiresIn: "never", [scopeField("profile:read")]: "on" },
      { name: "x", expiresIn: "custom", expiresOn: "2999-01-01", [scopeField("profile:read")]: "on" },
      { name: "x", expiresIn: "custom", expiresOn: "2020-01-01", [scopeField("profile:read")]: "on" },
      { name: "x", expiresIn: "3650", [scopeField("profile:read")]: "on" },
    ]) {
      expect(createApiTokenSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
  });
});
