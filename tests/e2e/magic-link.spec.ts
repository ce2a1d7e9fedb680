import { expect, test } from "./support/test";
import { APP_URL } from "./env";
import { db } from "./support/db";
import { latestEmailTo, linkIn } from "./support/mail";
import { alertWith, requestMagicLink, uniqueEmail } from "./support/flows";

test("a magic link signs in once, and a second click explains that it was used", async ({ page }) => {
  const email = uniqueEmail("magic");
  await page.goto("/sign-in");
  await requestMagicLink(page, email);

  await expect(page).toHaveURL("/verify-request");
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  const message = await latestEmailTo(email);
  expect(message.subject).toBe("Your Gatehouse sign-in link");
  const link = linkIn(message, APP_URL);

  await page.goto(link);
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
  await expect(page.getByTestId("signed-in-method")).toHaveText("an email link");
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(user.emailVerified).not.toBeNull();

  await page.context().clearCookies();
  await page.goto(link);
  await expect(page).toHaveURL(/\/auth-error\?error=Verification/);
  await expect(page.getByRole("heading", { name: "This sign-in link has expired or was already used" })).toBeVisible();
});

test("when the email cannot be sent, the user sees an error instead of 'check your email'", async ({ page }) => {
  const email = uniqueEmail("bounce");
  await page.goto("/sign-in");
  await requestMagicLink(page, email);

  await expect(alertWith(page, "could not be sent")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  // Nothing usable is left behind for an email that never went out.
  await expect.poll(() => db.verificationToken.count({ where: { identifier: email } })).toBe(0);
});
