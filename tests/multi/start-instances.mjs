// Starts what tests/multi needs, as a team running several instances would: the database with the
// migrations applied, ONE `next build`, two standalone servers on it (INSTANCE_PORTS), and the
// round-robin proxy in front (PROXY_PORT). Playwright passes the env (tests/multi/env.ts).
import { spawn } from "node:child_process";
import { buildApp, prepareDatabase, startApp } from "../e2e/prepare-app.mjs";

await prepareDatabase();
buildApp();
const ports = process.env.INSTANCE_PORTS.split(",");
for (const port of ports) startApp(port);

const proxy = spawn(process.execPath, ["--import", "tsx", "tests/fakes/round-robin.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: process.env.PROXY_PORT,
    UPSTREAMS: ports.map((port) => `http://localhost:${port}`).join(","),
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => proxy.kill(signal));
proxy.on("exit", (code) => process.exit(code ?? 0));
