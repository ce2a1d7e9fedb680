import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { DEV_PORT, DEV_URL, devEnv } from "./env";
import { expectAccessibleInBothThemes } from "./support/accessibility";
import { expect, test } from "./support/test";

/**
 * The README's first command on a fresh clone: `npm run dev` with no configuration. The spec starts
 * it (tests/e2e/start-dev.mjs: a fresh database and outbox). `npm test` runs it alone, after the other
 * browser suites (scripts/test.mjs), so its start-up and first compiles have the machine to themselves.
 */
let dev: ChildProcess;

test.beforeAll(async () => {
  // Else the test would sign in on whatever answers there, not on the server it started.
  if (await listening(DEV_PORT)) throw new Error(`Port ${DEV_PORT} is taken (a dev server left from an earlier run?)`);
  // Its own process group: `npm run dev` starts Next.js, which starts its own workers.
  dev = spawn("node", ["tests/e2e/start-dev.mjs"], {
    env: { ...process.env, ...devEnv },
    // Its errors show in the run's output, as a Playwright web server's did.
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
});

test.afterAll(() => {
  if (dev.pid) process.kill(-dev.pid, "SIGTERM");
});

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "localhost");
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

test.use({ baseURL: DEV_URL });
// The dev server starts, then compiles each page on first visit.
test.setTimeout(180_000);

test("with zero configuration (npm run dev), a magic link arrives in /dev/outbox and signs in", async ({ page }) => {
  // Listening is enough: each page compiles when the test first visits it.
  await expect.poll(() => listening(DEV_PORT), { timeout: 120_000, message: "npm run dev listens" }).toBe(true);

  const email = `zero-config-${Date.now()}@example.com`;
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Continue with GitHub" })).toHaveCount(0);
  const form = page.getByRole("form", { name: "Sign in with an email link" });
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/verify-request/, { timeout: 60_000 });

  await page.getByRole("link", { name: "Open the local outbox" }).click();
  await expectAccessibleInBothThemes(page, "/dev/outbox");
  await page.getByRole("link", { name: new RegExp(`Your Gatehouse sign-in link.*${email}`) }).click();
  await expectAccessibleInBothThemes(page, "a message in /dev/outbox");
  await page.getByRole("region", { name: "Links in this message" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sign-in\/confirm/);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/dashboard", { timeout: 60_000 });
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
});
