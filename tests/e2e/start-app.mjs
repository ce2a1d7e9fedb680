// Starts the app for the e2e suite as it runs in production: a fresh database (a new SQLite file,
// or the emptied PostgreSQL test database) with the committed migrations applied, `next build`,
// then the standalone server (`npm start`, that is scripts/start.mjs → <distDir>/standalone/server.js).
// Playwright passes the env.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { emptyDatabase } from "../../scripts/database.mjs";

mkdirSync(".tmp", { recursive: true });
await emptyDatabase(process.env.DATABASE_URL);

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
