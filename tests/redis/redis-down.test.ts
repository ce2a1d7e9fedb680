import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { STORE_DOWN_RETRY_SECONDS } from "@/server/security/limit-store";
import { limitPolicies } from "@/server/security/limits";
import { createRateLimits } from "@/server/security/rate-limit";
import { allowConsoleError } from "../support/console-guard";
import { randomIp, uniqueEmail } from "../support/random";

/** A free TCP port on this machine, for a Redis of this test's own. */
async function sparePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** A real redis-server in the foreground, answering PING before this returns. */
async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn("redis-server", [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
  ]);
  let output = "";
  redis.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await vi.waitFor(() => expect(output).toContain("Ready to accept connections"), { timeout: 10_000 });
  return redis;
}

async function stopRedis(redis: ChildProcess): Promise<void> {
  const exited = once(redis, "exit");
  redis.kill("SIGKILL");
  await exited;
}

const rateLimitLines = (spy: (...args: unknown[]) => unknown) =>
  vi.mocked(spy).mock.calls.filter((args) => String(args[0]).startsWith("[rate-limit] Redis"));

describe("Redis goes down under the limiter", async () => {
  const port = await sparePort();
  let redis = await startRedis(port);
  const limits = createRateLimits({ kind: "redis", url: `redis://127.0.0.1:${port}` });
  const policies = limitPolicies(limits);
  afterAll(async () => {
    await limits.close();
    await stopRedis(redis);
  });

  /** Every kind of check the app makes, once each, for a fresh visitor. */
  function everyCheck() {
    const email = uniqueEmail("redis-down");
    const ip = randomIp();
    return Promise.all([
      policies.limitPasswordCheck(email, ip),
      policies.peekPasswordCheck(email, ip),
      policies.limitSecretTry({ kind: "code", email, ip }),
      policies.limitSecretTry({ kind: "link", ip }),
      policies.limitSecondFactorGuess(`user-${email}`, ip),
      policies.limitPasskeyAttempt(ip),
      policies.limitPasskeyChallenge(ip),
      policies.limitEmailSend(email, ip),
      policies.limitSignUp(ip),
    ]);
  }

  it("fails closed with a retry-after, logs the outage once, and recovers when Redis returns", async () => {
    allowConsoleError(/^\[rate-limit\] Redis can't be reached/);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    expect(new Set((await everyCheck()).map((result) => result.ok))).toEqual(new Set([true]));

    await stopRedis(redis);
    for (let round = 0; round < 10; round++) {
      for (const result of await everyCheck()) {
        expect(result).toEqual({ ok: false, retryAfterSeconds: STORE_DOWN_RETRY_SECONDS });
      }
    }
    // Counting a wrong password, or clearing the count, never throws into a sign-in.
    expect(await limits.recordPasswordFailure(uniqueEmail("redis-down"))).toBeNull();
    await limits.clearPasswordFailures(uniqueEmail("redis-down"));
    expect(rateLimitLines(console.error)).toHaveLength(1);
    expect(rateLimitLines(console.error)[0]![0]).toMatch(/refusing password checks, codes and emails/);

    redis = await startRedis(port);
    // The client reconnects on its own; then every check is counted again.
    await vi.waitFor(async () => expect((await everyCheck()).every((result) => result.ok)).toBe(true), {
      timeout: 15_000,
      interval: 200,
    });
    for (let round = 0; round < 3; round++) expect((await everyCheck()).every((result) => result.ok)).toBe(true);
    expect(rateLimitLines(console.error)).toHaveLength(1);
    expect(rateLimitLines(console.warn)).toEqual([["[rate-limit] Redis answers again: limits are counted as usual."]]);
    warn.mockRestore();
  });
});
