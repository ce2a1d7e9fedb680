import { defineConfig } from "@playwright/test";
import { chromium } from "./tests/e2e/browser";
import { fakeWebServer } from "./tests/fakes/web-server";
import { APP_URL, multiEnv, PROXY_PORT, RESEND_PORT } from "./tests/multi/env";

/**
 * `npm run test:multi`: two `next start` instances of one build on one database, behind a
 * round-robin proxy (tests/multi/start-instances.mjs), with the local fake Resend.
 */
export default defineConfig({
  testDir: "tests/multi",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: "playwright-report-multi" }]],
  outputDir: "test-results/multi",
  timeout: 90_000,
  use: {
    baseURL: APP_URL,
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true },
    screenshot: "only-on-failure",
  },
  projects: [{ name: "multi", use: chromium }],
  webServer: [
    fakeWebServer("resend", RESEND_PORT),
    {
      command: "node tests/multi/start-instances.mjs",
      // Healthy once both instances answer through it.
      url: `http://127.0.0.1:${PROXY_PORT}/__proxy__/health`,
      env: multiEnv,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
