import { availableParallelism } from "node:os";
import { defineConfig } from "@playwright/test";
import { chromium } from "./tests/e2e/browser";
import { fakeWebServer } from "./tests/fakes/web-server";
import {
  APP_PORT,
  APP_URL,
  appEnv,
  CROSS_SITE_PORT,
  GITHUB_PORT,
  PROXY_PORT,
  RESEND_PORT,
  E2E_DATABASE_KIND,
} from "./tests/e2e/env";

// `npm run dev` with no configuration at all is SQLite's promise (a PostgreSQL project has a URL to
// set); a database that goes down and comes back (a connection to cut), or one a slow round trip
// away, is PostgreSQL's.
const onSqlite = E2E_DATABASE_KIND === "sqlite";

export default defineConfig({
  testDir: "tests",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A worker per core, and at least two. (The suite also passes with twice as many workers as cores,
  // so a loaded machine slows it down without making it fail.)
  workers: Math.max(2, availableParallelism()),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL: APP_URL,
    // A failed test keeps its trace (DOM snapshots, network, console). The trace's screencast is
    // left out: on a 2-core machine it costs a fifth of the suite's time.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true },
    screenshot: "only-on-failure",
  },
  projects: [
    // The project that needs the machine to itself: `npm test` runs it alone, after the others
    // (scripts/test.mjs). On SQLite, `npm run dev` on a fresh clone: a dev server compiling pages
    // needs the CPU the other suites would take. On PostgreSQL, timing the answers for existing and
    // unknown addresses: other suites' CPU use would be noise in the medians.
    onSqlite
      ? { name: "zero-config", testDir: "tests/e2e", testMatch: "zero-config.spec.ts", use: chromium }
      : { name: "timing", testDir: "tests/attacks", testMatch: "existence-timing.spec.ts", use: chromium },
    // The user's stories, in the browser.
    {
      name: "chromium",
      testDir: "tests/e2e",
      testIgnore: ["zero-config.spec.ts", ...(onSqlite ? ["database-down.spec.ts"] : [])],
      use: chromium,
    },
    // The attacker's: HTTP through an appending proxy, and a browser lured to another site.
    {
      name: "attacks",
      testDir: "tests/attacks",
      testMatch: /.*\.spec\.ts$/,
      testIgnore: ["existence-timing.spec.ts"],
      use: chromium,
    },
  ],
  webServer: [
    fakeWebServer("resend", RESEND_PORT),
    fakeWebServer("github", GITHUB_PORT),
    fakeWebServer("proxy", PROXY_PORT, { health: "/__proxy__/health", env: { TARGET: APP_URL } }),
    fakeWebServer("cross-site", CROSS_SITE_PORT),
    {
      command: "node tests/e2e/start-app.mjs",
      url: `${APP_URL}/`,
      env: { ...appEnv, PORT: String(APP_PORT) },
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
