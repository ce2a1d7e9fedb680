import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { emptyDatabase, testDatabaseUrl } from "../../../scripts/database.mjs";

/** The server under measurement: a production build on its own ports, database and build folder. */
export const root = path.resolve(import.meta.dirname, "../../..");
/** BENCH_PORT moves both ports (the app's and, one above it, the fake Resend's). */
export const PORT = Number(process.env.BENCH_PORT ?? 3200);
export const RESEND_PORT = PORT + 1;
export const APP = `http://localhost:${PORT}`;
export const DB_FILE = path.join(root, ".tmp/bench.db");
export const PROBE_FILE = path.join(root, ".tmp/bench-event-loop.json");
export const PASSWORD = "bench-password-passphrase";
export const SIGN_IN_USERS = 20;
export const SIGN_INS_EACH = 10;

export const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_DIST_DIR: ".next-bench",
  SKIP_BUILD_TYPECHECK: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  // A fresh SQLite file, or on a PostgreSQL project TEST_DATABASE_URL (emptied by startBenchServer).
  DATABASE_URL: testDatabaseUrl(DB_FILE),
  AUTH_URL: APP,
  AUTH_SECRET: "bench-secret-not-for-production-use-0123456789",
  AUTH_RESEND_KEY: "re_bench_fake_key",
  RESEND_BASE_URL: `http://127.0.0.1:${RESEND_PORT}`,
  EMAIL_FROM: "Gatehouse <login@gatehouse.test>",
  BENCH_PROBE_FILE: PROBE_FILE,
};

export const ALL_PROCESSES: ChildProcess[] = [];

export function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

export function start(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  // Its own process group, so stopping it stops whatever it started too.
  const child = spawn(command, args, {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  ALL_PROCESSES.push(child);
  return child;
}

export async function waitFor(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** The server's event-loop delay since the last call (tests/bench/event-loop-probe.mjs answers SIGUSR2). */
export async function eventLoopStats(server: ChildProcess) {
  rmSync(PROBE_FILE, { force: true });
  server.kill("SIGUSR2");
  for (let i = 0; i < 50; i++) {
    try {
      return JSON.parse(readFileSync(PROBE_FILE, "utf8")) as { p50: number; p99: number; max: number };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error("the event-loop probe did not answer");
}

/**
 * Empties the database and applies the migrations, builds, then starts the fake Resend and the
 * standalone server (with the event-loop probe), and waits for both. Returns the server process.
 */
export async function startBenchServer(): Promise<ChildProcess> {
  mkdirSync(path.dirname(DB_FILE), { recursive: true });
  await emptyDatabase(env.DATABASE_URL);
  run("npx", ["prisma", "migrate", "deploy"]);
  // `npm test` lints and type-checks; the benchmark's build does neither again.
  run("node", ["node_modules/next/dist/bin/next", "build", "--no-lint"]);
  start("node", ["node_modules/tsx/dist/cli.mjs", "tests/fakes/resend.ts"], { PORT: String(RESEND_PORT) });
  // `npm start` (the standalone server, in this same process, so the probe measures it).
  const server = start("node", ["--import", "./tests/bench/event-loop-probe.mjs", "scripts/start.mjs"], {
    PORT: String(PORT),
    HOSTNAME: "0.0.0.0",
  });
  await waitFor(`http://127.0.0.1:${RESEND_PORT}/health`);
  await waitFor(`${APP}/`);
  return server;
}

/** Stops everything started, with whatever each started itself. */
export function stopAll() {
  for (const child of ALL_PROCESSES) if (child.pid) process.kill(-child.pid, "SIGTERM");
}
