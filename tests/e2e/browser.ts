import { chromium as playwrightChromium, devices } from "@playwright/test";
import { resolveBrowser } from "./browser-path.mjs";

// CHROMIUM_PATH, else a system Chromium, else Playwright's own (tests/e2e/browser-path.mjs). The
// suites never download a browser themselves.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const browser = resolveBrowser({ playwrightPath: () => playwrightChromium.executablePath() });
if ("error" in browser) throw new Error(browser.error);

export const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: browser.path, args: chromiumArgs },
};
