/**
 * `npm run bench:load`: 200 users at once for 60 s against a production build on this project's
 * database (a fresh SQLite file; on a PostgreSQL project, TEST_DATABASE_URL emptied). Each user,
 * over and over, from an address of its own each round:
 *   signs up with a magic link (the email arrives at the local fake Resend), opens three protected
 *   pages, signs out; signs in with a password, opens three protected pages, signs out.
 * Prints 5xx responses, lost sessions (a protected request refused while signed in), other
 * unexpected answers, and p50/p99 latency per step; writes bench/load-results.json. Numbers to
 * read: it exits non-zero only when a request fails outright or answers 5xx.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "@prisma/client";
import { databaseClientOptions } from "../../src/server/database/adapter";
import { hashPassword } from "../../src/server/security/password-hashing";
import { schemaProvider } from "../../scripts/database.mjs";
import { Client, fetchLink } from "./support/client";
import { startBenchServer, env, PASSWORD, root, stopAll } from "./support/server";

const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const ACCOUNTS_EACH = 60;

const latencies = new Map<string, number[]>();
const counts = { requests: 0, serverErrors: 0, lostSessions: 0, unexpected: 0, failed: 0, rounds: 0 };
const samples: string[] = [];

function note(kind: keyof typeof counts, what: string) {
  counts[kind]++;
  if (samples.length < 20) samples.push(`${kind}: ${what}`);
}

async function timed(step: string, request: () => Promise<Response>): Promise<Response | null> {
  const started = performance.now();
  try {
    const response = await request();
    counts.requests++;
    (latencies.get(step) ?? latencies.set(step, []).get(step)!).push(performance.now() - started);
    if (response.status >= 500) note("serverErrors", `${step} → ${response.status}`);
    return response;
  } catch (error) {
    note("failed", `${step}: ${String(error)}`);
    return null;
  }
}

async function visitProtectedPages(client: Client, email: string) {
  for (const url of ["/dashboard", "/api/protected/me", "/account/sessions"]) {
    const response = await timed(url, () => client.get(url));
    if (!response || response.status >= 500) continue;
    const body = await response.text();
    if (response.status === 401 || response.headers.get("location")?.includes("/sign-in")) {
      note("lostSessions", `${url} → ${response.status} for ${email}`);
    } else if (response.status !== 200 || !body.includes(email)) {
      note("unexpected", `${url} → ${response.status}`);
    }
  }
}

async function signOut(client: Client) {
  const csrfToken = await client.csrf();
  await timed("sign out", () => client.post("/api/auth/signout", { csrfToken }));
  client.cookies.clear();
}

async function user(n: number, deadline: number) {
  for (let round = 0; performance.now() < deadline && round < ACCOUNTS_EACH; round++) {
    const ip = `10.${100 + (n >> 8)}.${n & 255}.${round + 1}`;
    const fresh = new Client(ip);
    const email = `load-${n}-${round}-${Date.now()}@example.com`;
    const csrfToken = await fresh.csrf();
    const asked = await timed("magic link: request", () =>
      fresh.post("/api/auth/signin/resend", { email, csrfToken, callbackUrl: "/dashboard" }),
    );
    const link = asked && asked.status < 500 ? await fetchLink(email) : null;
    const signedUp =
      link && (await timed("magic link: sign up", () => fresh.post(`/api/auth/callback/resend${link.search}`, {})));
    if (signedUp?.status === 302 && fresh.cookies.has("authjs.session-token")) {
      await visitProtectedPages(fresh, email);
      await signOut(fresh);
    } else if (signedUp && signedUp.status < 500) note("unexpected", `magic-link sign-up → ${signedUp.status}`);

    const returning = new Client(ip);
    const account = `load-account-${n}-${round}@example.com`;
    const token = await returning.csrf();
    const signedIn = await timed("password: sign in", () =>
      returning.post("/api/auth/callback/credentials", { email: account, password: PASSWORD, csrfToken: token }),
    );
    if (signedIn?.status === 302 && returning.cookies.has("authjs.session-token")) {
      await visitProtectedPages(returning, account);
      await signOut(returning);
    } else if (signedIn && signedIn.status < 500) note("unexpected", `password sign-in → ${signedIn.status}`);
    counts.rounds++;
  }
}

function percentile(sorted: number[], p: number) {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

async function main() {
  await startBenchServer();
  const db = new PrismaClient(databaseClientOptions(env.DATABASE_URL));
  const passwordHash = await hashPassword(PASSWORD);
  const accounts = Array.from({ length: USERS * ACCOUNTS_EACH }, (_, i) => ({
    email: `load-account-${Math.floor(i / ACCOUNTS_EACH)}-${i % ACCOUNTS_EACH}@example.com`,
    passwordHash,
    emailVerified: new Date(),
  }));
  await db.user.createMany({ data: accounts });
  await db.$disconnect();

  const database = schemaProvider();
  console.log(`\n${USERS} users for ${SECONDS} s on ${database}…`);
  const started = performance.now();
  await Promise.all(Array.from({ length: USERS }, (_, n) => user(n, started + SECONDS * 1000)));
  const seconds = (performance.now() - started) / 1000;

  const steps = [...latencies].map(([step, values]) => {
    values.sort((a, b) => a - b);
    return { step, count: values.length, p50: percentile(values, 50), p99: percentile(values, 99) };
  });
  console.log(`\nStep                      count   p50 ms   p99 ms`);
  for (const s of steps) {
    console.log(
      `${s.step.padEnd(24)} ${String(s.count).padStart(6)} ${String(s.p50).padStart(8)} ${String(s.p99).padStart(8)}`,
    );
  }
  const summary = { database, users: USERS, seconds: Math.round(seconds), ...counts };
  console.log(
    `\n${database}: ${counts.rounds} rounds, ${counts.requests} requests in ${summary.seconds} s; ` +
      `5xx ${counts.serverErrors}, lost sessions ${counts.lostSessions}, other unexpected ${counts.unexpected}, failed ${counts.failed}`,
  );
  if (samples.length > 0) console.log(`First problems:\n  ${samples.join("\n  ")}`);
  mkdirSync(path.join(root, "bench"), { recursive: true });
  const file = path.join(root, "bench/load-results.json");
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), ...summary, steps, samples }, null, 2)}\n`);
  console.log(`Wrote ${path.relative(root, file)}`);
  if (counts.serverErrors > 0 || counts.failed > 0) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
