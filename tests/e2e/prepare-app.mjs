// What every production-like test run does before starting the app: the database emptied (a new
// SQLite file, or the PostgreSQL test database) with the committed migrations applied, then one
// `next build`. Used by tests/e2e/start-app.mjs and tests/multi/start-instances.mjs; the caller's
// environment (from Playwright) says where.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { emptyDatabase } from "../../scripts/database.mjs";

/** Where the e2e and two-instance suites' build lives (`npm run build:e2e`). */
export const E2E_DIST_DIR = ".next-e2e";

const run = (args, extraEnv = {}) =>
  execFileSync("npx", args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });

export async function prepareDatabase() {
  mkdirSync(".tmp", { recursive: true });
  await emptyDatabase(process.env.DATABASE_URL);
  run(["prisma", "migrate", "deploy"]);
}

/**
 * `npm test` has linted and type-checked already; the build does neither again. With
 * REUSE_BUILD=1 (`npm test` builds while Vitest runs, then starts the suites) an existing build is used.
 */
export function buildApp({ reuse = process.env.REUSE_BUILD === "1" } = {}) {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (reuse && existsSync(path.join(distDir, "standalone", "server.js"))) {
    console.log(`Using the build in ${distDir} (REUSE_BUILD=1).`);
    return;
  }
  run(["next", "build", "--no-lint"], { SKIP_BUILD_TYPECHECK: "1" });
}

/**
 * The standalone server (`npm start`, scripts/start.mjs) on `port`, on all interfaces (never a
 * HOSTNAME the machine happens to export); stops with this process, and this process with it.
 */
export function startApp(port, extraEnv = {}) {
  const server = spawn("node", ["scripts/start.mjs"], {
    stdio: "inherit",
    env: { ...process.env, ...extraEnv, PORT: String(port), HOSTNAME: "0.0.0.0" },
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
  return server;
}
