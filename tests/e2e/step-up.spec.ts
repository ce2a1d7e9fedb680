import { randomBytes } from "node:crypto";
import { ageSignIn } from "./support/accounts";
import { db, writeWithRetry } from "./support/db";
import { alertWith, STRONG_PASSWORD, uniqueEmail } from "./support/flows";
import { latestEmailTo } from "./support/mail";
import { expect, test } from "./support/test";

test("a sensitive change after more than 10 minutes asks for the password, then goes through", async ({
  page,
  login,
}) => {
  const { email } = await login();
  const newEmail = uniqueEmail("step-up-new");
  await ageSignIn(email, 11);

  await page.goto("/account");
  await page.getByLabel("New email address").fill(newEmail);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page).toHaveURL(/\/account\/reauthenticate\?callbackUrl=%2Faccount%23email/);
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();

  await page.getByLabel("Your password", { exact: true }).fill("not-my-password");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That is not your password.")).toBeVisible();
  await page.getByLabel("Your password", { exact: true }).fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  // Back where the change was asked for (a client-side redirect may drop the #section).
  await expect(page).toHaveURL(/\/account(#email)?$/);

  await page.getByLabel("New email address").fill(newEmail);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(alertWith(page, "we sent it a confirmation link")).toBeVisible();
});

test("an account without a password confirms with a code emailed to it", async ({ page, login }) => {
  const { email } = await login({ password: null });
  await ageSignIn(email, 30);

  await page.goto("/account");
  await page.getByRole("form", { name: "Delete account" }).getByLabel(`Type ${email} to confirm`).fill(email);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/account\/reauthenticate/);
  await expect(page.getByLabel("Your password", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Email me a code" }).click();
  const code = (await latestEmailTo(email)).text.match(/\b(\d{6})\b/)?.[1];
  expect(code).toMatch(/^\d{6}$/);
  await page.getByLabel("6-digit code from the email").fill(code!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account(#delete)?$/);

  await page.getByRole("form", { name: "Delete account" }).getByLabel(`Type ${email} to confirm`).fill(email);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL("/?goodbye=1");
  expect(await db.user.count({ where: { email } })).toBe(0);
});

test("signing out other sessions needs a recent sign-in; signing out this device does not", async ({ page, login }) => {
  const user = await login();
  const { email } = user;
  // Another device, signed in elsewhere.
  await writeWithRetry(() =>
    db.session.create({
      data: {
        userId: user.id,
        sessionToken: randomBytes(32).toString("hex"),
        expires: new Date(Date.now() + 86_400_000),
      },
    }),
  );
  await ageSignIn(email, 11);

  await page.goto("/account/sessions");
  await page.getByRole("button", { name: "Sign out of all other sessions" }).click();
  await expect(page).toHaveURL(/\/account\/reauthenticate\?callbackUrl=%2Faccount%2Fsessions/);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(2);

  await page.goto("/account/sessions");
  await page.getByRole("form", { name: "Sign out this device" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/sign-in");
  expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
});
