// Which Chromium the browser suites launch, in this order:
// 1. CHROMIUM_PATH, when set (it must name a file that exists: a typo is an error, not a fallback);
// 2. a system Chromium (or Chrome) in the usual place for this platform;
// 3. Playwright's own browser, once `npx playwright install chromium` has downloaded it;
// 4. otherwise one message naming both fixes. `npm test` prints it before any suite starts.
// Plain JavaScript so scripts/test.mjs can ask before anything is built.
import { existsSync } from "node:fs";
import path from "node:path";

/** The usual places, by platform, first match wins. */
export function systemCandidates(platform, env) {
  if (platform === "darwin") {
    return [
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ];
  }
  if (platform === "win32") {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env["PROGRAMFILES(X86)"]].filter(Boolean);
    return roots.flatMap((root) => [
      path.win32.join(root, "Chromium", "Application", "chrome.exe"),
      path.win32.join(root, "Google", "Chrome", "Application", "chrome.exe"),
    ]);
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
  ];
}

export const MISSING_BROWSER_MESSAGE = [
  "No Chromium found for the browser suites. Either:",
  "  - install Playwright's browser: npx playwright install chromium",
  "  - or point CHROMIUM_PATH at a Chromium or Chrome you have (the executable, not its folder).",
].join("\n");

/**
 * @param {{ env?: Record<string, string | undefined>, platform?: string, exists?: (file: string) => boolean, playwrightPath?: () => string | null }} [options]
 * @returns {{ path: string, source: "CHROMIUM_PATH" | "system" | "playwright" } | { error: string }}
 */
export function resolveBrowser(options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  if (env.CHROMIUM_PATH) {
    if (exists(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
    return { error: `CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist.\n${MISSING_BROWSER_MESSAGE}` };
  }
  const system = systemCandidates(platform, env).find((file) => exists(file));
  if (system) return { path: system, source: "system" };
  const own = options.playwrightPath ? options.playwrightPath() : null;
  if (own && exists(own)) return { path: own, source: "playwright" };
  return { error: MISSING_BROWSER_MESSAGE };
}

/** Playwright's own download location for its Chromium (whether or not it is there yet). */
export async function playwrightChromiumPath() {
  try {
    const { chromium } = await import("@playwright/test");
    return chromium.executablePath();
  } catch {
    return null;
  }
}
