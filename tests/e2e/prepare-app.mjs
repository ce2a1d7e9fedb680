// What every production-like test run does before `next start`: the database with the committed
// migrations applied, then one `next build`. Used by tests/e2e/start-app.mjs and
// tests/multi/start-instances.mjs; the caller's environment (from Playwright) says where.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const run = (args, extraEnv = {}) =>
  execFileSync("npx", args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });

/** A SQLite file starts empty each run; any other DATABASE_URL (a server) is used as given. */
export function prepareDatabase() {
  const url = process.env.DATABASE_URL;
  if (url.startsWith("file:")) {
    const dbFile = url.replace(/^file:/, "");
    mkdirSync(path.dirname(dbFile), { recursive: true });
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
  }
  run(["prisma", "migrate", "deploy"]);
}

/** `npm test` has linted and type-checked already; the build does neither again. */
export function buildApp() {
  run(["next", "build", "--no-lint"], { SKIP_BUILD_TYPECHECK: "1" });
}

/** `next start` on `port`; stops with this process, and this process stops when it does. */
export function startApp(port, extraEnv = {}) {
  const server = spawn("npx", ["next", "start", "-p", String(port)], {
    stdio: "inherit",
    env: { ...process.env, ...extraEnv, PORT: String(port) },
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
  return server;
}
