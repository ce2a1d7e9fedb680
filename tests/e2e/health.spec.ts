import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { appEnv, DB_DOWN_PORT } from "./env";
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

test("a server started before its database answers 503 without internals, then 200 once the database is there", async () => {
  // A SQLite file in a folder that does not exist yet: the database can't be opened.
  const folder = `.tmp/e2e-db-down-${DB_DOWN_PORT}`;
  rmSync(folder, { recursive: true, force: true });
  const origin = `http://localhost:${DB_DOWN_PORT}`;
  const server = spawn("node", ["scripts/start.mjs"], {
    env: {
      ...process.env,
      ...appEnv,
      DATABASE_URL: `file:./${folder}/app.db`,
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
    mkdirSync(folder, { recursive: true });
    await expect.poll(health, { timeout: 30_000 }).toEqual({ status: 200, body: '{"status":"ok"}' });
  } finally {
    server.kill("SIGTERM");
    rmSync(folder, { recursive: true, force: true });
  }
});
