import { spawn, type ChildProcess } from "node:child_process";
import { TcpGate } from "../support/tcp-gate";
import { appEnv, E2E_DATABASE_URL, FAULT_APP_PORT, FAULT_DATABASE_PORT } from "./env";
import { expect, test } from "./support/test";

/**
 * The database goes away and comes back. A second server of the same build reaches PostgreSQL
 * through a TCP gate the test shuts: open connections are cut and new ones refused, as when the
 * server restarts or the network drops. (PostgreSQL only: a SQLite file has no connection to lose.)
 */
const ORIGIN = `http://localhost:${FAULT_APP_PORT}`;
const database = new URL(E2E_DATABASE_URL);
const gate = new TcpGate(FAULT_DATABASE_PORT, { host: database.hostname, port: Number(database.port || 5432) });
const throughGate = Object.assign(new URL(E2E_DATABASE_URL), {
  hostname: "127.0.0.1",
  port: String(FAULT_DATABASE_PORT),
});

test.describe.configure({ mode: "serial" });

let server: ChildProcess;

test.beforeAll(async () => {
  await gate.open();
  server = spawn("node", ["scripts/start.mjs"], {
    env: {
      ...process.env,
      ...appEnv,
      DATABASE_URL: throughGate.href,
      AUTH_URL: ORIGIN,
      PORT: String(FAULT_APP_PORT),
      HOSTNAME: "0.0.0.0",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  await expect
    .poll(async () => (await fetch(`${ORIGIN}/api/health`).catch(() => null))?.status, { timeout: 60_000 })
    .toBe(200);
});

test.afterAll(async () => {
  server.kill("SIGTERM");
  await gate.shut();
});

test("while the database is down: a friendly 503 page and 503 JSON with nothing inside; then it recovers", async ({
  page,
  login,
}) => {
  const account = await login();
  await page.goto(`${ORIGIN}/dashboard`);
  await expect(page).toHaveURL(`${ORIGIN}/dashboard`);

  await gate.shut();

  const down = await page.goto(`${ORIGIN}/dashboard`);
  expect(down?.status()).toBe(503);
  expect(down?.headers()["retry-after"]).toBe("30");
  await expect(page.getByRole("heading", { name: /briefly unavailable/ })).toBeVisible();
  const html = await page.content();
  for (const internal of ["ECONNREFUSED", "Prisma", "at ", "postgres", String(FAULT_DATABASE_PORT)]) {
    expect(html).not.toContain(internal);
  }

  const api = await page.request.get(`${ORIGIN}/api/protected/me`);
  expect(api.status()).toBe(503);
  expect(await api.json()).toEqual({ error: "unavailable" });
  const health = await page.request.get(`${ORIGIN}/api/health`);
  expect(health.status()).toBe(503);
  expect(await health.json()).toEqual({ status: "unavailable" });

  await gate.open();

  // The pool reconnects by itself, and the session outlived the outage.
  await expect
    .poll(async () => (await page.request.get(`${ORIGIN}/api/health`)).status(), { timeout: 30_000 })
    .toBe(200);
  const back = await page.goto(`${ORIGIN}/dashboard`);
  expect(back?.status()).toBe(200);
  await expect(page).toHaveURL(`${ORIGIN}/dashboard`);
  const me = await page.request.get(`${ORIGIN}/api/protected/me`);
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { user: { email: string } }).user.email).toBe(account.email);
});
