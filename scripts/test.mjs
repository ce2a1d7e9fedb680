#!/usr/bin/env node
// `npm test`, in three steps, each started only when the one before passed:
// 1. the e2e build at full CPU priority, beside it (at a lower priority) the checks and the Vitest
//    tests that run inside Vitest's own workers;
// 2. the Vitest tests that start processes or CLIs of their own (Prisma's CLI, npm scripts, app
//    processes), alone: beside the build they raced it for the CPU and their timing depended on
//    how fast the machine was (vitest.config.ts, VITEST_GROUP); then, on SQLite, the Docker
//    replay, which builds the app again and so runs by itself;
// 3. the browser suites on that build;
// 4. the browser suite that needs the machine to itself, alone: on SQLite, `npm run dev` on a fresh
//    clone (tests/e2e/zero-config.spec.ts; a dev server compiling pages beside the other browser
//    suites took from 1 to over 3 minutes, depending on how busy the machine was); on PostgreSQL,
//    the timing of existing and unknown addresses (tests/attacks/existence-timing.spec.ts; the other
//    suites' CPU use is noise in its medians).
// A node script rather than a `&&` chain with VAR=value, so it runs the same under Windows' shell.
// `--suites-only` leaves the checks out (CI's PostgreSQL pass runs the suites again, not the checks).
import { spawnSync } from "node:child_process";
import { playwrightChromiumPath, resolveBrowser } from "../tests/e2e/browser-path.mjs";
import { schemaProvider } from "./database.mjs";

function npmRun(args, env = {}) {
  // The package manager that started this one (npm or pnpm), else npm.
  const [command, prefix] = process.env.npm_execpath
    ? [process.execPath, [process.env.npm_execpath, "run"]]
    : ["npm", ["run"]];
  const result = spawnSync(command, [...prefix, ...args], {
    stdio: "inherit",
    env: { ...process.env, ...env },
    shell: process.platform === "win32",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The browser the suites will launch, before anything is built: without one, say how to get one.
const ownChromium = await playwrightChromiumPath();
const browser = resolveBrowser({ playwrightPath: () => ownChromium });
if ("error" in browser) {
  console.error(browser.error);
  process.exit(1);
}
console.log(`Browser suites use ${browser.path} (${browser.source}).`);

const checks = process.argv.includes("--suites-only") ? [] : ["typecheck", "lint", "format:check", "licenses"];

npmRun(["parallel", "--", "build:e2e", "--low-priority", ...checks, "test:unit"], { VITEST_GROUP: "in-process" });
npmRun(["test:unit"], { VITEST_GROUP: "processes" });
// The Docker replay builds the app a second time (npm ci, next build): alone, and on SQLite, the
// image's default (tests/integration/dockerfile.test.ts).
if (schemaProvider() === "sqlite") npmRun(["test:unit"], { VITEST_GROUP: "alone" });
npmRun(["test:e2e", "--", "--project=chromium", "--project=attacks"], { REUSE_BUILD: "1" });
const alone = schemaProvider() === "sqlite" ? "zero-config" : "timing";
npmRun(["test:e2e", "--", `--project=${alone}`], { REUSE_BUILD: "1" });
