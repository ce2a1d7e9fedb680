import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { schemaProvider, testDatabaseUrl } from "./scripts/database.mjs";

const root = import.meta.dirname;
const at = (p: string) => path.join(root, p);

// A fresh SQLite file per run (or, on PostgreSQL, TEST_DATABASE_URL emptied);
// tests/support/global-setup.ts applies the migrations to it.
const runId = randomBytes(4).toString("hex");
process.env.DATABASE_URL = testDatabaseUrl(path.join(tmpdir(), `gatehouse-test-${runId}.db`));
const postgres = schemaProvider() === "postgresql";
// Tests of one database's own machinery (SQLite's lock waits and schema tables; PostgreSQL's
// migration workaround) run where that database is.
const sqliteOnly = [
  "tests/integration/dockerfile.test.ts",
  "tests/integration/migrations.test.ts",
  "tests/integration/sqlite-locks.test.ts",
  "tests/integration/journal-mode.test.ts",
];
const postgresOnly = ["tests/postgres/**/*.test.ts"];
// Tests that start processes or CLIs of their own (Prisma's CLI, npm scripts, app processes). `npm test`
// runs them on their own, after the build (scripts/test.mjs), so they never share the CPU with it:
// VITEST_GROUP=in-process leaves them out, VITEST_GROUP=processes runs only them.
const processTests = [
  "tests/integration/migrations.test.ts",
  "tests/integration/sqlite-locks.test.ts",
  "tests/unit/seed.test.ts",
  "tests/integration/user-role-cli.test.ts",
  "tests/integration/keys-rotate-cli.test.ts",
  "tests/unit/license-gate.test.ts",
  "tests/postgres/migrations.test.ts",
];
// Tests that need the machine to themselves (the Docker replay builds the app): VITEST_GROUP=alone,
// after the process tests. SQLite only: the image's default database.
const aloneTests = ["tests/integration/dockerfile.test.ts"];
const group = process.env.VITEST_GROUP;
if (group && !["in-process", "processes", "alone"].includes(group)) {
  throw new Error(
    `VITEST_GROUP must be "in-process", "processes" or "alone" (or unset, for every test), not "${group}".`,
  );
}
process.env.OUTBOX_DIR = path.join(tmpdir(), `gatehouse-test-outbox-${runId}`);
// No AUTH_URL on purpose: like `npm run dev`, Auth.js then trusts the Host header, so the tests
// can prove that a spoofed X-Forwarded-Host never reaches an emailed link. No mail or GitHub keys:
// mail goes to this run's outbox. (Deleted, not blanked: Auth.js reads "" as "set".)
for (const name of [
  "AUTH_URL",
  "AUTH_TRUST_HOST",
  "AUTH_RESEND_KEY",
  "AUTH_GITHUB_ID",
  "AUTH_GITHUB_SECRET",
  "AUTH_GITHUB_ENTERPRISE_URL",
  "EMAIL_FROM",
  "RESEND_BASE_URL",
]) {
  delete process.env[name];
}

// Inlined, @actions/workflow-parser (below) would make Vite warn once per file that its published
// source maps point at sources it does not ship: its files are read without their map comment.
const withoutSourceMaps = {
  name: "workflow-parser-without-source-maps",
  load(id: string) {
    if (!id.includes("/@actions/workflow-parser/") || !id.endsWith(".js")) return null;
    return readFileSync(id, "utf8").replace(/^\/\/# sourceMappingURL=.*$/m, "");
  },
};

export default defineConfig({
  plugins: [withoutSourceMaps],
  esbuild: { jsx: "automatic" },
  resolve: {
    alias: [
      { find: /^@\/auth$/, replacement: at("auth.ts") },
      { find: /^@emails\//, replacement: `${at("emails")}/` },
      { find: /^@\//, replacement: `${at("src")}/` },
      // `server-only` throws outside React Server Components; these tests are server code.
      { find: /^server-only$/, replacement: at("node_modules/server-only/empty.js") },
    ],
  },
  test: {
    include:
      group === "processes"
        ? processTests
        : group === "alone"
          ? aloneTests
          : [
              "tests/unit/**/*.test.{ts,tsx}",
              "tests/integration/**/*.test.{ts,tsx}",
              "tests/attacks/**/*.test.ts",
              ...(postgres ? postgresOnly : []),
              // Tests that start their own redis-server: with `npm run test:redis` (TEST_REDIS_URL set).
              ...(process.env.TEST_REDIS_URL ? ["tests/redis/**/*.test.ts"] : []),
            ],
    exclude: [
      ...configDefaults.exclude,
      ...(postgres ? sqliteOnly : []),
      ...(group === "in-process" ? [...processTests, ...aloneTests] : []),
      ...(postgres ? [] : postgresOnly),
    ],
    benchmark: { include: ["tests/bench/**/*.bench.ts"] },
    environment: "node",
    // Vitest's default leaves a core for the main process: one worker on a 2-core machine. The
    // tests wait on the database and sockets as much as on the CPU, so every core gets a worker.
    maxWorkers: Math.max(2, availableParallelism()),
    // Files share their worker's modules, which spares importing Auth.js, Prisma and React Email
    // again for every file (half the suite's time). A file that needs the app to read another
    // environment says so with tests/support/app-environment.ts.
    isolate: false,
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/console-guard.ts"],
    // @actions/workflow-parser imports its schema JSON without an import attribute: Vite reads it.
    server: { deps: { inline: ["next-auth", "@actions/workflow-parser"] } },
    env: {
      NODE_ENV: "test",
      DATABASE_URL: process.env.DATABASE_URL,
      OUTBOX_DIR: process.env.OUTBOX_DIR,
      AUTH_SECRET: "test-secret-not-for-production-use-0123456789",
      // Off by default; its tests need it on (tests/integration/support-access-off.test.ts turns it off).
      ADMIN_IMPERSONATION: "on",
      // The service tokens' tests issue tokens for this audience (tests/integration/service-tokens.test.ts).
      SERVICE_TOKEN_AUDIENCES: "orders-api",
    },
    // The dev mail sender prints each message; in tests that is noise.
    onConsoleLog: (log) => !log.includes("[mail]"),
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
