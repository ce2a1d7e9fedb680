import { expect, test } from "../e2e/support/test";

/**
 * Attack: put words in the product's mouth. "/account/sessions?notice=revoked-others&count=…" is
 * where "Sign out of all other sessions" lands; the count is printed in the page's own notice. A
 * link mailed to the victim with a sentence for a count showed that sentence as if the product
 * said it ("Signed out of 0. Your account is locked: call … other sessions."). Only a number is
 * printed now.
 */
test("a count that is not a number never reaches the sessions page's notice", async ({ page, login }) => {
  await login();
  const planted = "0. Your account is locked: call +1 555 0100 to restore it";
  await page.goto(`/account/sessions?notice=revoked-others&count=${encodeURIComponent(planted)}`);
  await expect(page.getByText("Signed out of your other sessions.")).toBeVisible();
  // (The URL itself travels in the page's router state; what matters is what the page says.)
  expect(await page.locator("main").innerText()).not.toContain("call +1 555 0100");

  await page.goto("/account/sessions?notice=revoked-others&count=3");
  await expect(page.getByText("Signed out of 3 other sessions.")).toBeVisible();
});
