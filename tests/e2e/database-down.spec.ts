import { FAULT_APP_PORT, FAULT_DATABASE_PORT } from "./env";
import { gatedServer } from "./support/gated-server";
import { expect, test } from "./support/test";

/**
 * The database goes away and comes back. A second server of the same build reaches PostgreSQL
 * through a TCP gate the test shuts: open connections are cut and new ones refused, as when the
 * server restarts or the network drops. (PostgreSQL only: a SQLite file has no connection to lose.)
 */
const server = gatedServer({ appPort: FAULT_APP_PORT, databasePort: FAULT_DATABASE_PORT });
const { gate, origin: ORIGIN } = server;

test.describe.configure({ mode: "serial" });

test.beforeAll(() => server.start());
test.afterAll(() => server.stop());

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
