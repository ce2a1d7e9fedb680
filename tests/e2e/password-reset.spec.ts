import { APP_URL } from "./env";
import { createAccount } from "./support/accounts";
import { alertWith, signInWithPassword, STRONG_PASSWORD } from "./support/flows";
import { emailTo, latestEmailTo, linkIn } from "./support/mail";
import { expect, test } from "./support/test";

const NEW_PASSWORD = "lantern-harbor-violet-92";

test("forgot password → reset → every old session is gone → the new password works", async ({ page, browser }) => {
  const { email } = await createAccount();

  // A second device, signed in with the old password.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.200.0.2" } });
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  await signInWithPassword(otherPage, email);
  await expect(otherPage).toHaveURL("/dashboard");

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page).toHaveURL("/forgot-password?sent=1");

  const message = await latestEmailTo(email);
  expect(message.subject).toBe("Reset your Gatehouse password");
  const link = linkIn(message, APP_URL);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("signed-in-method")).toHaveText("a password reset");
  await emailTo(email, "Your Gatehouse password was changed");

  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL("/sign-in?callbackUrl=%2Fdashboard");
  await signInWithPassword(otherPage, email, STRONG_PASSWORD);
  await expect(alertWith(otherPage, "The email or password is incorrect")).toBeVisible();
  await signInWithPassword(otherPage, email, NEW_PASSWORD);
  await expect(otherPage).toHaveURL("/dashboard");
  await other.close();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This reset link doesn't work" })).toBeVisible();
});

test("a weak new password is refused without using up the link", async ({ page }) => {
  const { email } = await createAccount();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const link = linkIn(await latestEmailTo(email), APP_URL);

  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("Repeat the new password").fill("password1234");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("This password is too easy to guess")).toBeVisible();

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
});
