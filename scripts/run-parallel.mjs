#!/usr/bin/env node
// Runs npm scripts side by side and prints each one's output whole when it ends, so nothing
// interleaves. Exits non-zero if any failed, after all have ended (every failure is shown at once).
// Scripts after --low-priority run at a lower CPU priority: they use the time the others leave free
// instead of slowing them (`npm test` keeps its build, which the e2e suite waits for, at full speed).
//   node scripts/run-parallel.mjs build:e2e --low-priority typecheck lint format:check
import { spawn } from "node:child_process";
import { constants, setPriority } from "node:os";

const args = process.argv.slice(2);
const split = args.includes("--low-priority") ? args.indexOf("--low-priority") : args.length;
const tasks = [
  ...args.slice(0, split).map((name) => ({ name, low: false })),
  ...args.slice(split + 1).map((name) => ({ name, low: true })),
];
if (tasks.length === 0) {
  console.error("usage: node scripts/run-parallel.mjs <npm script> ... [--low-priority <npm script> ...]");
  process.exit(2);
}

function run({ name, low }) {
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
    // Inherited by everything the script starts.
    if (low && child.pid) {
      try {
        setPriority(child.pid, constants.priority.PRIORITY_BELOW_NORMAL);
      } catch {
        // Not allowed on this system: it runs at normal priority, which is only slower.
      }
    }
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

const results = await Promise.all(tasks.map(run));
const failed = tasks.filter((_, index) => !results[index]).map((task) => task.name);
if (failed.length > 0) {
  console.error(`Failed: ${failed.map((name) => `npm run ${name}`).join(", ")}`);
  process.exit(1);
}
