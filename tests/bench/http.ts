/**
 * `npm run bench:http`: what a request costs through the real server, side by side in one run.
 * Builds once, starts the standalone server (`npm start`) on a fresh database (with the local fake Resend), signs a
 * user in through the real magic-link flow, then measures each route as a browser gets it (a
 * browser's Accept, Accept-Encoding and User-Agent headers, and its whole cookie jar when signed in)
 * with autocannon, 10 connections: every route warmed for 2 s first, then ROUNDS (5) rounds of 3 s
 * each, the routes taking turns within each round, and each route's median round reported (so a
 * route measured early or late in the run is not favoured). Beside requests per second, the
 * server's own CPU time per request (Linux: /proc), which a busy machine disturbs far less. Then a burst of password sign-ins from
 * 20 users at once (latency, and the server's event-loop delay meanwhile).
 * Prints a table with the ratios and writes bench/results.json. Numbers to read, not assertions:
 * it exits non-zero only when something errs (a refused connection, an unexpected status).
 */
import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { PrismaClient } from "@prisma/client";
import { hashPassword } from "../../src/server/security/password-hashing";
import { databaseClientOptions } from "../../src/server/database/adapter";
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
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** What Chromium sends for a page (and for fetch() to an API), less the cookie. */
const BROWSER_HEADERS = {
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
  "accept-encoding": "gzip, deflate, br, zstd",
  "accept-language": "en-GB,en;q=0.9",
};
const PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

interface Route {
  label: string;
  url: string;
  expectStatus: number;
  cookie?: string;
}

interface RouteResult {
  label: string;
  reqPerSec: number;
  /** The server process's CPU milliseconds per request, median round (null where /proc is missing). */
  cpuMsPerRequest: number | null;
  p50: number;
  p99: number;
  rounds: number[];
}

/** The server's CPU time so far, in ms (user + system), or null off Linux. */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime, fields 14 and 15 of the whole line, in clock ticks (100 a second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function run(route: Route, duration: number, serverPid: number) {
  const before = cpuMs(serverPid);
  const result = await autocannon({
    url: `${APP}${route.url}`,
    connections: 10,
    duration,
    headers: {
      ...BROWSER_HEADERS,
      accept: route.url.startsWith("/api/") ? "*/*" : PAGE_ACCEPT,
      ...(route.cookie ? { cookie: route.cookie } : {}),
    },
  });
  const unexpected = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => Number(code) !== route.expectStatus)
    .reduce((sum, [, stat]) => sum + (stat as { count: number }).count, 0);
  if (result.errors > 0 || unexpected > 0) {
    errors.push(`${route.label}: ${result.errors} errors, ${unexpected} responses other than ${route.expectStatus}`);
  }
  const after = cpuMs(serverPid);
  const cpu = before === null || after === null ? null : (after - before) / Math.max(1, result.requests.total);
  return { result, cpu };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measureAll(routes: Route[], serverPid: number): Promise<RouteResult[]> {
  // Unmeasured first: the first requests to a route pay for compiling its code.
  for (const route of routes) await run(route, 2, serverPid);
  const rounds = routes.map(() => [] as Awaited<ReturnType<typeof run>>[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, route] of routes.entries()) rounds[i]!.push(await run(route, 3, serverPid));
  }
  return routes.map((route, i) => {
    const results = rounds[i]!;
    const rates = results.map((r) => Math.round(r.result.requests.average));
    const middle = results.find((r) => Math.round(r.result.requests.average) === median(rates))!.result;
    const cpus = results.map((r) => r.cpu).filter((cpu): cpu is number => cpu !== null);
    return {
      label: route.label,
      reqPerSec: median(rates),
      cpuMsPerRequest: cpus.length ? Math.round(median(cpus) * 100) / 100 : null,
      p50: middle.latency.p50,
      p99: middle.latency.p99,
      rounds: rates,
    };
  });
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

  const db = new PrismaClient(databaseClientOptions(env.DATABASE_URL));
  const passwordHash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: SIGN_IN_USERS * SIGN_INS_EACH }, (_, i) => `bench-${i}@example.com`);
  await db.user.createMany({ data: emails.map((email) => ({ email, passwordHash, emailVerified: new Date() })) });
  await db.$disconnect();

  const cookie = await signInWithMagicLink("bench-reader@example.com");

  const routes = await measureAll(
    [
      { label: "/ anonymous", url: "/", expectStatus: 200 },
      { label: "/ signed in", url: "/", expectStatus: 200, cookie },
      { label: "/dashboard signed in", url: "/dashboard", expectStatus: 200, cookie },
      { label: "/sign-in anonymous", url: "/sign-in", expectStatus: 200 },
      { label: "/api/protected/me without a cookie (401)", url: "/api/protected/me", expectStatus: 401 },
      { label: "/api/protected/me signed in", url: "/api/protected/me", expectStatus: 200, cookie },
      { label: "/api/auth/session signed in (Auth.js alone)", url: "/api/auth/session", expectStatus: 200, cookie },
    ],
    server.pid!,
  );
  const rate = (label: string) => routes.find((r) => r.label.startsWith(label))!.reqPerSec;
  const ratios = {
    "/api/protected/me signed in ÷ /api/auth/session signed in (goal ≥ 0.85)":
      rate("/api/protected/me signed in") / rate("/api/auth/session"),
    "/ signed in ÷ / anonymous (goal ≥ 0.85)": rate("/ signed in") / rate("/ anonymous"),
    "/dashboard ÷ / anonymous (goal ≥ 0.85)": rate("/dashboard") / rate("/ anonymous"),
    "/sign-in ÷ / anonymous (goal ≥ 0.85)": rate("/sign-in") / rate("/ anonymous"),
  };
  const signIns = await passwordSignIns(server, emails);

  console.log(`\nRoute (median of ${ROUNDS} rounds)                 req/s  CPU ms/req   p50 ms   p99 ms   rounds`);
  for (const r of routes) {
    console.log(
      `${r.label.padEnd(46)} ${String(r.reqPerSec).padStart(6)} ${String(r.cpuMsPerRequest ?? "-").padStart(11)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)}   ${r.rounds.join(" ")}`,
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
