#!/usr/bin/env node
// Runs npm scripts side by side and prints each one's output whole when it ends, so nothing
// interleaves. Exits non-zero if any failed, after all have ended (every failure is shown at once).
//   node scripts/run-parallel.mjs typecheck lint format:check
import { spawn } from "node:child_process";

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error("usage: node scripts/run-parallel.mjs <npm script> [<npm script> ...]");
  process.exit(2);
}

function run(name) {
  const started = performance.now();
  return new Promise((resolve) => {
    // The package manager that started this one (npm or pnpm), else npm.
    const [command, args] = process.env.npm_execpath
      ? [process.execPath, [process.env.npm_execpath, "run", name]]
      : ["npm", ["run", name]];
    const child = spawn(command, args, {
      // Output goes through a pipe; keep the colours a terminal would have shown.
      env: process.stdout.isTTY ? { FORCE_COLOR: "1", ...process.env } : process.env,
      shell: process.platform === "win32",
    });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("close", (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      process.stdout.write(Buffer.concat(output));
      console.log(`${ok ? "✓" : "✗"} npm run ${name} (${seconds}s)${ok ? "" : `: exit ${code ?? signal}`}\n`);
      resolve(ok);
    });
  });
}

const results = await Promise.all(names.map(run));
const failed = names.filter((_, index) => !results[index]);
if (failed.length > 0) {
  console.error(`Failed: ${failed.map((name) => `npm run ${name}`).join(", ")}`);
  process.exit(1);
}
