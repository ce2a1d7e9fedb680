import { randomInt } from "node:crypto";
import { APP_URL } from "../e2e/env";
import { createAccount } from "../e2e/support/accounts";
import { latestEmailTo, linkIn } from "../e2e/support/mail";
import { expect, test } from "../e2e/support/test";
import { randomIp } from "../support/random";

/**
 * Attack: read a secret back from the page. A form that fails validation is sent back with what
 * was typed, so a page re-rendered without JavaScript keeps it; if that includes a password, it
 * lands in the HTML (and in caches, screenshots, the back button). Seen before the fix: the
 * reset form's `confirmPassword` came back. Only an allowlist of fields is echoed now.
 */
test("a reset form sent back with an error carries neither typed password anywhere in the page", async ({
  page,
  browser,
}) => {
  const { email } = await createAccount();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const link = linkIn(await latestEmailTo(email), APP_URL);

  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const plain = await context.newPage();
  await plain.goto(link);
  const first = `first-secret-${randomInt(1e9)}`;
  const second = `second-secret-${randomInt(1e9)}`;
  await plain.getByLabel("New password", { exact: true }).fill(first);
  await plain.getByLabel("Repeat the new password").fill(second);
  await plain.getByRole("button", { name: "Set new password" }).click();
  await expect(plain.getByText("The two passwords don't match.")).toBeVisible();
  const html = await plain.content();
  expect(html).not.toContain(first);
  expect(html).not.toContain(second);
  await context.close();
});
