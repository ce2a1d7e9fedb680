#!/usr/bin/env node
// `npm run test:redis`: the rate-limiter tests on both stores, against the Redis at TEST_REDIS_URL
// (default redis://127.0.0.1:6390, the one .ci/redis.sh starts). A node script rather than
// `VAR=${VAR:-…} vitest`, so it runs the same under Windows' shell.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const vitest = createRequire(import.meta.url).resolve("vitest/vitest.mjs");
const result = spawnSync(
  process.execPath,
  [vitest, "run", "tests/integration/rate-limit.test.ts", "tests/redis", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: { ...process.env, TEST_REDIS_URL: process.env.TEST_REDIS_URL || "redis://127.0.0.1:6390" },
  },
);
process.exit(result.status ?? 1);
