import { expect, test } from "./support/test";
import { db } from "./support/db";
import { continueWithGitHub, uniqueEmail } from "./support/flows";

test("GitHub sign-in creates the user and returns to the page they asked for", async ({ page }) => {
  const email = uniqueEmail("octo");
  await page.goto("/dashboard?from=github");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fdashboard%3Ffrom%3Dgithub");

  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  await expect(page.getByRole("heading", { name: "Fake GitHub" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Authorize" }).click();

  await expect(page).toHaveURL("/dashboard?from=github");
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
  await expect(page.getByTestId("signed-in-method")).toHaveText("GitHub");

  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
  expect(user.accounts.map((a) => a.provider)).toEqual(["github"]);
  // GitHub verified the address, so the account starts confirmed.
  expect(user.emailVerified).not.toBeNull();
  // GitHub's tokens are not kept: nothing uses them, and a database leak must not hand them out.
  expect(user.accounts.map((a) => [a.access_token, a.refresh_token, a.id_token])).toEqual([[null, null, null]]);
});

test("a GitHub address GitHub has not verified creates no account, and the page says what to do", async ({ page }) => {
  const email = uniqueEmail("octo-unverified");
  await page.goto("/sign-in");
  await continueWithGitHub(page, email, { verified: false });
  await expect(page).toHaveURL("/auth-error?error=GitHubEmailUnverified");
  await expect(page.getByRole("heading", { name: "GitHub hasn't verified that email address" })).toBeVisible();
  await expect(page.getByText("Settings → Emails")).toBeVisible();
  expect(await db.user.count({ where: { email } })).toBe(0);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});
