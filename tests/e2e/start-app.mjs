// Starts the app for the e2e suite as it runs in production: a fresh SQLite file with the
// committed migrations applied, `next build`, then the standalone server (`npm start`, that is
// scripts/start.mjs → <distDir>/standalone/server.js). Playwright passes the env.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const dbFile = process.env.DATABASE_URL.replace(/^file:/, "");
mkdirSync(path.dirname(dbFile), { recursive: true });
for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });

const run = (args, extraEnv = {}) =>
  execFileSync("npx", args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
run(["prisma", "migrate", "deploy"]);
// `npm test` has linted and type-checked already; the build does neither again.
run(["next", "build", "--no-lint"], { SKIP_BUILD_TYPECHECK: "1" });

// All interfaces, as `next start` listened; never a HOSTNAME the machine happens to export.
const server = spawn("node", ["scripts/start.mjs"], {
  stdio: "inherit",
  env: { ...process.env, HOSTNAME: "0.0.0.0" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
