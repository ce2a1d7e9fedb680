import type { Browser } from "@playwright/test";
import { APP_URL } from "./env";
import { createSessionToken, type TestAccount } from "./support/accounts";
import { expect, test } from "./support/test";

const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

/** The same account, signed in on a phone elsewhere, which has opened the dashboard once. */
async function secondDevice(browser: Browser, account: TestAccount) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.250.0.7" }, userAgent: PHONE });
  await context.addCookies([
    { name: "authjs.session-token", value: await createSessionToken(account.id), url: APP_URL },
  ]);
  const page = await context.newPage();
  await page.goto("/dashboard");
  await expect(page).toHaveURL("/dashboard");
  return { context, page };
}

test("the sessions page lists both devices; signing one out ends it on its next request", async ({
  page,
  browser,
  login,
}) => {
  const account = await login();
  const phone = await secondDevice(browser, account);

  await page.goto("/account/sessions");
  const sessions = page.getByRole("list", { name: "Sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);
  const phoneRow = sessions.filter({ hasText: "Mobile Safari 17 on Apple iPhone" });
  await expect(phoneRow).toContainText("10.250.0.7");
  await expect(phoneRow).toContainText("signed in with your password");

  await phoneRow.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("That session was signed out.")).toBeVisible();
  await expect(sessions).toHaveCount(1);

  await phone.page.goto("/dashboard");
  await expect(phone.page).toHaveURL("/sign-in?callbackUrl=%2Fdashboard");
  const api = await phone.page.request.get("/api/protected/me");
  expect(api.status()).toBe(401);
  await phone.context.close();
});

test("sign out of all other sessions keeps this one", async ({ page, browser, login }) => {
  const account = await login();
  const phone = await secondDevice(browser, account);

  await page.goto("/account/sessions");
  await page.getByRole("button", { name: "Sign out of all other sessions" }).click();
  await expect(page.getByText("Signed out of 1 other session.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Sessions" }).getByRole("listitem")).toHaveCount(1);

  await phone.page.goto("/dashboard");
  await expect(phone.page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL("/dashboard");
  await phone.context.close();
});
