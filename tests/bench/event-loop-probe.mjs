// Loaded into the benchmarked server with `node --import` (npm run bench:http only): watches the
// event loop's delay, and on SIGUSR2 writes what it saw since the last signal to BENCH_PROBE_FILE,
// then starts over. Tells whether argon2 blocks the loop while sign-ins run.
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (ns) => Math.round((ns / 1e6) * 10) / 10;

process.on("SIGUSR2", () => {
  writeFileSync(
    process.env.BENCH_PROBE_FILE,
    JSON.stringify({ p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) }),
  );
  histogram.reset();
});
