import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { RATE_LIMITS } from "@/server/security/rate-limit";
import { runAppWith } from "../support/app-environment";
import { randomIp } from "../support/random";

/**
 * Attack: guess CRON_SECRET at /api/cron/cleanup. Each try is counted per client IP before the
 * comparison, so a client gets RATE_LIMITS.cronSecretIp.points wrong tries per 15 minutes whatever
 * it forges; the tricks that try to read a second token, or a token from elsewhere, get 401.
 */
const CRON_SECRET = "cron-secret-for-attack-tests-0123456789";
runAppWith({ CRON_SECRET });

const URL_ = "http://localhost:3000/api/cron/cleanup";

describe("guessing CRON_SECRET", () => {
  it("a forged X-Forwarded-For on every try still counts against the one address the proxy saw", async () => {
    const { GET } = await import("@/app/api/cron/cleanup/route");
    const realIp = randomIp();
    // Each request's left entry is the attacker's own invention; the proxy appends the real one.
    const from = (authorization: string) =>
      new NextRequest(URL_, { headers: { authorization, "x-forwarded-for": `${randomIp(99)}, ${realIp}` } });
    for (let i = 0; i < RATE_LIMITS.cronSecretIp.points; i++) {
      expect((await GET(from(`Bearer guess-${i}`))).status).toBe(401);
    }
    const refused = await GET(from(`Bearer ${CRON_SECRET}`));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("new addresses inside one IPv6 /64 are one client: their guesses share one count", async () => {
    const { GET } = await import("@/app/api/cron/cleanup/route");
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
    const from = (i: number, authorization: string) =>
      new NextRequest(URL_, { headers: { authorization, "x-forwarded-for": `${prefix}::${(i + 1).toString(16)}` } });
    for (let i = 0; i < RATE_LIMITS.cronSecretIp.points; i++) {
      expect((await GET(from(i, `Bearer guess-${i}`))).status).toBe(401);
    }
    expect((await GET(from(999, `Bearer ${CRON_SECRET}`))).status).toBe(429);
  });

  it("a right try is forgiven: the scheduler is never locked out by its own calls", async () => {
    const { GET } = await import("@/app/api/cron/cleanup/route");
    const ip = randomIp();
    for (let i = 0; i < RATE_LIMITS.cronSecretIp.points + 2; i++) {
      const response = await GET(
        new NextRequest(URL_, { headers: { authorization: `Bearer ${CRON_SECRET}`, "x-forwarded-for": ip } }),
      );
      expect(response.status).toBe(200);
    }
  });

  it("two Authorization headers, a token in the query string or in a cookie: 401", async () => {
    const { GET } = await import("@/app/api/cron/cleanup/route");
    const twice = new Headers({ "x-forwarded-for": randomIp() });
    twice.append("authorization", "Bearer wrong");
    twice.append("authorization", `Bearer ${CRON_SECRET}`);
    const tricks = [
      new NextRequest(URL_, { headers: twice }),
      new NextRequest(`${URL_}?token=${CRON_SECRET}&secret=${CRON_SECRET}`, {
        headers: { "x-forwarded-for": randomIp() },
      }),
      new NextRequest(URL_, { headers: { cookie: `CRON_SECRET=${CRON_SECRET}`, "x-forwarded-for": randomIp() } }),
      new NextRequest(URL_, { headers: { authorization: `Basic ${CRON_SECRET}`, "x-forwarded-for": randomIp() } }),
      new NextRequest(URL_, { headers: { authorization: `Bearer ${CRON_SECRET}x`, "x-forwarded-for": randomIp() } }),
    ];
    for (const request of tricks) {
      const response = await GET(request);
      expect(response.status, request.url).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthorized" });
    }
  });
});
