import { describe, expect, it } from "vitest";
import { RATE_LIMITS } from "@/server/security/rate-limit";
import { AuthClient } from "../support/auth-requests";
import { randomBytes } from "node:crypto";

/**
 * Attack: a fresh budget per address from one /64. Anyone holding an IPv6 /64 (a cheap server has
 * one) can send each request from another of its 2^64 addresses; counted address by address,
 * every per-IP limit started over each time. The password endpoint's per-IP limit is sprayed here
 * with a new address of one /64 on every try (each as the trusted proxy hands it over, in
 * X-Forwarded-For), each try naming a different account so only the per-IP limit can stop it.
 */
function prefix(): string {
  return `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
}

describe("IPv6 addresses from one /64", () => {
  it("share one per-IP budget at the password endpoint", async () => {
    const block = prefix();
    const run = randomBytes(4).toString("hex");
    const limit = RATE_LIMITS.passwordCheckIp.points;
    let refused = 0;
    for (let i = 0; i < limit + 5; i++) {
      const client = new AuthClient();
      client.ip = `${block}:${randomBytes(2).toString("hex")}:${i.toString(16)}::1`;
      const response = await client.post("/api/auth/callback/credentials", {
        email: `spray-${run}-${i}@example.com`,
        password: "wrong-password-guess",
        csrfToken: await client.csrfToken(),
        callbackUrl: "/dashboard",
      });
      if (response.status === 429) refused++;
    }
    expect(refused).toBeGreaterThanOrEqual(5);
  });
});
