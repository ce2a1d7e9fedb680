/**
 * `npm run bench:http`: what a request costs through the real server, side by side in one run.
 * Builds once, starts the standalone server (`npm start`) on a fresh database (with the local fake Resend), signs a
 * user in through the real magic-link flow, then measures each route with autocannon (10
 * connections, 2 s of warm-up, then 5 s measured), and a burst
 * of password sign-ins from 20 users at once (latency, and the server's event-loop delay meanwhile).
 * Prints a table with the ratios and writes bench/results.json. Numbers to read, not assertions:
 * it exits non-zero only when something errs (a refused connection, an unexpected status).
 */
import type { ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { PrismaClient } from "@prisma/client";
import { hashPassword } from "../../src/server/security/password-hashing";
import { createDatabaseAdapter } from "../../src/server/database/adapter";
import { Client, signInWithMagicLink } from "./support/client";
import {
  APP,
  PASSWORD,
  SIGN_INS_EACH,
  SIGN_IN_USERS,
  env,
  eventLoopStats,
  root,
  startBenchServer,
  stopAll,
} from "./support/server";

const errors: string[] = [];

interface RouteResult {
  label: string;
  reqPerSec: number;
  p50: number;
  p99: number;
}

async function measure(label: string, url: string, expectStatus: number, cookie?: string): Promise<RouteResult> {
  const options = {
    url: `${APP}${url}`,
    connections: 10,
    headers: cookie ? { cookie: `authjs.session-token=${cookie}` } : {},
  };
  // Two seconds unmeasured first: the first requests to a route pay for compiling its code.
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: 5 });
  const unexpected = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => Number(code) !== expectStatus)
    .reduce((sum, [, stat]) => sum + (stat as { count: number }).count, 0);
  if (result.errors > 0 || unexpected > 0) {
    errors.push(`${label}: ${result.errors} errors, ${unexpected} responses other than ${expectStatus}`);
  }
  return { label, reqPerSec: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** 20 users signing in with their password at once, each several times, from their own addresses. */
async function passwordSignIns(server: ChildProcess, emails: string[]) {
  await eventLoopStats(server);
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SIGN_IN_USERS }, async (_, user) => {
      for (let i = 0; i < SIGN_INS_EACH; i++) {
        const n = user * SIGN_INS_EACH + i;
        const client = new Client(`10.2.${user}.${i + 1}`);
        const csrfToken = await client.csrf();
        const t0 = performance.now();
        const response = await client.post("/api/auth/callback/credentials", {
          email: emails[n]!,
          password: PASSWORD,
          csrfToken,
          callbackUrl: "/dashboard",
        });
        latencies.push(performance.now() - t0);
        if (response.status !== 302 || !client.cookies.get("authjs.session-token")) {
          errors.push(`password sign-in ${n}: status ${response.status}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const loop = await eventLoopStats(server);
  latencies.sort((a, b) => a - b);
  return {
    signIns: latencies.length,
    perSecond: Math.round((latencies.length / seconds) * 10) / 10,
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    eventLoopDelayMs: loop,
  };
}

async function main() {
  const server = await startBenchServer();

  const db = new PrismaClient({ adapter: createDatabaseAdapter(env.DATABASE_URL) });
  const passwordHash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: SIGN_IN_USERS * SIGN_INS_EACH }, (_, i) => `bench-${i}@example.com`);
  await db.user.createMany({ data: emails.map((email) => ({ email, passwordHash, emailVerified: new Date() })) });
  await db.$disconnect();

  const cookie = await signInWithMagicLink("bench-reader@example.com");

  const routes = [
    await measure("/ anonymous", "/", 200),
    await measure("/ signed in", "/", 200, cookie),
    await measure("/dashboard signed in", "/dashboard", 200, cookie),
    await measure("/api/protected/me without a cookie (401)", "/api/protected/me", 401),
    await measure("/api/protected/me signed in", "/api/protected/me", 200, cookie),
    await measure("/api/auth/session signed in (Auth.js alone)", "/api/auth/session", 200, cookie),
  ];
  const rate = (label: string) => routes.find((r) => r.label.startsWith(label))!.reqPerSec;
  const ratios = {
    "/api/protected/me signed in ÷ /api/auth/session signed in (goal ≥ 0.85)":
      rate("/api/protected/me signed in") / rate("/api/auth/session"),
    "/ signed in ÷ / anonymous (goal ≥ 0.85)": rate("/ signed in") / rate("/ anonymous"),
    "/dashboard ÷ / anonymous (goal ≥ 0.85)": rate("/dashboard") / rate("/ anonymous"),
  };
  const signIns = await passwordSignIns(server, emails);

  console.log("\nRoute                                           req/s    p50 ms   p99 ms");
  for (const r of routes) {
    console.log(
      `${r.label.padEnd(46)} ${String(r.reqPerSec).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)}`,
    );
  }
  console.log("\nRatios");
  for (const [label, value] of Object.entries(ratios)) console.log(`  ${value.toFixed(2)}×  ${label}`);
  console.log(
    `\nPassword sign-in, ${SIGN_IN_USERS} users at once: ${signIns.signIns} sign-ins, ${signIns.perSecond}/s, ` +
      `p50 ${signIns.p50} ms, p99 ${signIns.p99} ms; server event-loop delay meanwhile p50 ${signIns.eventLoopDelayMs.p50} ms, ` +
      `p99 ${signIns.eventLoopDelayMs.p99} ms, max ${signIns.eventLoopDelayMs.max} ms`,
  );

  mkdirSync(path.join(root, "bench"), { recursive: true });
  const results = { date: new Date().toISOString(), routes, ratios, passwordSignIns: signIns, errors };
  writeFileSync(path.join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log("\nWrote bench/results.json");
  if (errors.length > 0) {
    console.error(`\nErrors:\n  ${errors.join("\n  ")}`);
    process.exitCode = 1;
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
