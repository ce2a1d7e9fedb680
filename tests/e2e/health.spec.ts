import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { TcpGate } from "../support/tcp-gate";
import { appEnv, DB_DOWN_PORT, E2E_DATABASE_KIND, E2E_DATABASE_URL } from "./env";
import { expect, test } from "./support/test";

/** The standalone server's health check, as a load balancer (or the Dockerfile's HEALTHCHECK) calls it. */
test("/api/health answers 200 {status: ok}, uncached, and ignores any session cookie", async ({ request }) => {
  const response = await request.get("/api/health", {
    headers: { cookie: "authjs.session-token=not-a-session" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(response.headers()["cache-control"]).toBe("no-store");
  // Middleware read no session: an unknown session cookie is not even cleared.
  expect(response.headers()["set-cookie"]).toBeUndefined();
});

/**
 * A database that isn't there yet, and a way to make it appear: on SQLite a file in a folder that
 * doesn't exist; on PostgreSQL the test database behind a TCP gate that starts shut.
 */
async function absentDatabase(): Promise<{ url: string; appear: () => Promise<void>; cleanUp: () => Promise<void> }> {
  if (E2E_DATABASE_KIND === "sqlite") {
    const folder = `.tmp/e2e-db-down-${DB_DOWN_PORT}`;
    rmSync(folder, { recursive: true, force: true });
    return {
      url: `file:./${folder}/app.db`,
      appear: async () => void mkdirSync(folder, { recursive: true }),
      cleanUp: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  const target = new URL(E2E_DATABASE_URL);
  const gate = new TcpGate(DB_DOWN_PORT + 100, { host: target.hostname, port: Number(target.port || 5432) });
  const url = Object.assign(new URL(E2E_DATABASE_URL), { hostname: "127.0.0.1", port: String(gate.port) });
  return { url: url.href, appear: () => gate.open(), cleanUp: () => gate.shut() };
}

test("a server started before its database answers 503 without internals, then 200 once the database is there", async () => {
  const database = await absentDatabase();
  const origin = `http://localhost:${DB_DOWN_PORT}`;
  const server = spawn("node", ["scripts/start.mjs"], {
    env: {
      ...process.env,
      ...appEnv,
      DATABASE_URL: database.url,
      AUTH_URL: origin,
      PORT: String(DB_DOWN_PORT),
      HOSTNAME: "0.0.0.0",
    },
    stdio: "ignore",
  });
  try {
    const health = async () => {
      const response = await fetch(`${origin}/api/health`).catch(() => null);
      return response ? { status: response.status, body: await response.text() } : null;
    };
    await expect.poll(health, { timeout: 30_000 }).toEqual({ status: 503, body: '{"status":"unavailable"}' });
    await database.appear();
    await expect.poll(health, { timeout: 30_000 }).toEqual({ status: 200, body: '{"status":"ok"}' });
  } finally {
    server.kill("SIGTERM");
    await database.cleanUp();
  }
});
