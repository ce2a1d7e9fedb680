import { defineConfig, devices } from "@playwright/test";
import { APP_PORT, APP_URL, appEnv, DEV_URL, devEnv, GITHUB_PORT, RESEND_PORT } from "./tests/e2e/env";

// Debian's Chromium; the suite never downloads a browser.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
      },
    },
  ],
  webServer: [
    {
      command: "npx tsx tests/fakes/resend.ts",
      url: `http://127.0.0.1:${RESEND_PORT}/health`,
      env: { PORT: String(RESEND_PORT) },
      reuseExistingServer: false,
    },
    {
      command: "npx tsx tests/fakes/github.ts",
      url: `http://127.0.0.1:${GITHUB_PORT}/health`,
      env: { PORT: String(GITHUB_PORT) },
      reuseExistingServer: false,
    },
    {
      command: "node tests/e2e/start-app.mjs",
      url: `${APP_URL}/`,
      env: { ...appEnv, PORT: String(APP_PORT) },
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      // `npm run dev` with zero configuration, for tests/e2e/zero-config.spec.ts.
      command: "node tests/e2e/start-dev.mjs",
      url: `${DEV_URL}/`,
      env: devEnv,
      timeout: 240_000,
      reuseExistingServer: false,
    },
  ],
});
