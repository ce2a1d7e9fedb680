import { spawn, type ChildProcess } from "node:child_process";
import { expect } from "@playwright/test";
import { TcpGate } from "../../support/tcp-gate";
import { appEnv, E2E_DATABASE_URL } from "../env";

/**
 * A second server of the e2e build, on `appPort`, that reaches PostgreSQL only through a TcpGate
 * on `databasePort`: the spec can shut the gate (the database going away) or slow every round
 * trip by `delayMs`. `start()` opens the gate and waits for /api/health; `stop()` ends both.
 */
export function gatedServer({
  appPort,
  databasePort,
  delayMs = 0,
}: {
  appPort: number;
  databasePort: number;
  delayMs?: number;
}) {
  const origin = `http://localhost:${appPort}`;
  const database = new URL(E2E_DATABASE_URL);
  const gate = new TcpGate(databasePort, { host: database.hostname, port: Number(database.port || 5432) }, delayMs);
  const throughGate = Object.assign(new URL(E2E_DATABASE_URL), { hostname: "127.0.0.1", port: String(databasePort) });
  let server: ChildProcess | undefined;

  return {
    origin,
    gate,
    async start() {
      await gate.open();
      server = spawn("node", ["scripts/start.mjs"], {
        env: {
          ...process.env,
          ...appEnv,
          DATABASE_URL: throughGate.href,
          AUTH_URL: origin,
          PORT: String(appPort),
          HOSTNAME: "0.0.0.0",
        },
        // The server's errors show in the test output (a pipe nobody reads would fill and stall it).
        stdio: ["ignore", "ignore", "inherit"],
      });
      await expect
        .poll(async () => (await fetch(`${origin}/api/health`).catch(() => null))?.status, { timeout: 60_000 })
        .toBe(200);
    },
    async stop() {
      server?.kill("SIGTERM");
      await gate.shut();
    },
  };
}
