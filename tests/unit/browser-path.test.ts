import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MISSING_BROWSER_MESSAGE, resolveBrowser, systemCandidates } from "../../tests/e2e/browser-path.mjs";

// Which Chromium the browser suites launch (tests/e2e/browser-path.mjs), branch by branch, with
// the file system replaced by the set of files that "exist" on the imagined machine.
const machine = (...files: string[]) => {
  const present = new Set(files);
  return (file: string) => present.has(file);
};
const OWN = "/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";

describe("the browser the suites launch", () => {
  it("CHROMIUM_PATH comes first, even when a system Chromium exists", () => {
    const result = resolveBrowser({
      env: { CHROMIUM_PATH: "/opt/chrome/chrome" },
      platform: "linux",
      exists: machine("/opt/chrome/chrome", "/usr/bin/chromium", OWN),
      playwrightPath: () => OWN,
    });
    expect(result).toEqual({ path: "/opt/chrome/chrome", source: "CHROMIUM_PATH" });
  });

  it("a CHROMIUM_PATH that names nothing is an error, not a silent fallback", () => {
    const result = resolveBrowser({
      env: { CHROMIUM_PATH: "/opt/typo/chrome" },
      platform: "linux",
      exists: machine("/usr/bin/chromium"),
      playwrightPath: () => OWN,
    });
    expect(result).toEqual({ error: expect.stringContaining("CHROMIUM_PATH is set to /opt/typo/chrome") });
  });

  it("Debian's Chromium, where it is installed (what runs on this project's machines)", () => {
    const result = resolveBrowser({ env: {}, platform: "linux", exists: machine("/usr/bin/chromium", OWN) });
    expect(result).toEqual({ path: "/usr/bin/chromium", source: "system" });
  });

  it.each([
    ["darwin", {}, "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"],
    [
      "win32",
      { LOCALAPPDATA: "C:\\Users\\dev\\AppData\\Local" },
      "C:\\Users\\dev\\AppData\\Local\\Chromium\\Application\\chrome.exe",
    ],
    ["win32", { PROGRAMFILES: "C:\\Program Files" }, "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"],
  ])("a system browser on %s", (platform, env, file) => {
    expect(systemCandidates(platform, env)).toContain(file);
    expect(resolveBrowser({ env, platform, exists: machine(file) })).toEqual({ path: file, source: "system" });
  });

  it("Playwright's own browser when there is no system one and it was installed", () => {
    const result = resolveBrowser({ env: {}, platform: "darwin", exists: machine(OWN), playwrightPath: () => OWN });
    expect(result).toEqual({ path: OWN, source: "playwright" });
  });

  it("nothing at all: one message naming both fixes", () => {
    const result = resolveBrowser({ env: {}, platform: "win32", exists: machine(), playwrightPath: () => OWN });
    expect(result).toEqual({ error: MISSING_BROWSER_MESSAGE });
    expect(MISSING_BROWSER_MESSAGE).toContain("npx playwright install chromium");
    expect(MISSING_BROWSER_MESSAGE).toContain("CHROMIUM_PATH");
  });
});

it("`npm test` stops with that message before it builds or runs anything", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const run = spawnSync(process.execPath, ["scripts/test.mjs"], {
    cwd: root,
    env: { ...process.env, CHROMIUM_PATH: path.join(root, "no-such-browser") },
    encoding: "utf8",
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("npx playwright install chromium");
  expect(run.stdout).toBe("");
});
