import { randomIp } from "../support/random";
import { APP_URL } from "./env";
import { db } from "./support/db";
import {
  alertWith,
  confirmEmailByLink,
  followMagicLink,
  requestMagicLink,
  signInWithPassword,
  STRONG_PASSWORD,
  submitSignUp,
  uniqueEmail,
} from "./support/flows";
import { latestEmailTo, linkIn } from "./support/mail";
import { expect, test } from "./support/test";

test("sign up, then confirm the email with the link", async ({ page }) => {
  const email = uniqueEmail("verify-link");
  await submitSignUp(page, email);
  await expect(page).toHaveURL("/verify-email");
  await expect(page.getByText(email)).toBeVisible();
  // The account is made after the response, with the email that confirms it.
  await latestEmailTo(email);
  expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBeNull();

  await confirmEmailByLink(page, email);
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
  expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).not.toBeNull();
});

test("sign up, then confirm the email with the 6-digit code", async ({ page }) => {
  const email = uniqueEmail("verify-code");
  await submitSignUp(page, email);
  const message = await latestEmailTo(email);
  const code = message.text.match(/code on the confirmation page:\s+(\d{6})/)?.[1];
  expect(code).toMatch(/^\d{6}$/);

  const form = page.getByRole("form", { name: "Enter your confirmation code" });
  await form.getByLabel("6-digit code").fill("000000" === code ? "111111" : "000000");
  await form.getByRole("button", { name: "Confirm" }).click();
  await expect(alertWith(page, "not valid")).toBeVisible();

  await form.getByLabel("6-digit code").fill(code!);
  await form.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("signed-in-method")).toHaveText("your email confirmation");
});

test("a scanner opening the confirmation link does not use it up; the button does", async ({ page, request }) => {
  const email = uniqueEmail("scanner");
  await submitSignUp(page, email);
  const link = linkIn(await latestEmailTo(email), APP_URL);
  expect((await request.get(link)).status()).toBe(200);
  expect(await db.authToken.count({ where: { email, purpose: "verify-email" } })).toBe(1);
  await confirmEmailByLink(page, email);
  await expect(page).toHaveURL("/dashboard");
  expect(await db.authToken.count({ where: { email, purpose: "verify-email" } })).toBe(0);
});

test("until the email is confirmed, password sign-in is refused with a way to resend", async ({ page }) => {
  const email = uniqueEmail("unconfirmed");
  await submitSignUp(page, email);
  await expect(page).toHaveURL("/verify-email");
  await latestEmailTo(email);

  await page.goto("/sign-in");
  await signInWithPassword(page, email, STRONG_PASSWORD);
  await expect(alertWith(page, "Confirm your email address first")).toBeVisible();
  await page.getByRole("button", { name: "Resend the confirmation email" }).click();
  await expect(page).toHaveURL("/verify-email?resent=1");
  await latestEmailTo(email, 2);
});

// The attacker and the owner use browsers of their own: clearing one browser's cookies while its
// signed-in page still has requests in flight (Next's prefetches) lets their answers set the
// session cookie again.
test("a magic-link sign-in clears a password chosen before the address was proven", async ({ browser, page }) => {
  const email = uniqueEmail("takeover");
  // Someone else signs up with the victim's address and picks the password.
  const attacker = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const attackerPage = await attacker.newPage();
  await submitSignUp(attackerPage, email, { password: "attacker-chose-this-passphrase" });
  await expect(attackerPage).toHaveURL("/verify-email");
  await latestEmailTo(email);

  // The real owner signs in with a magic link.
  await page.goto("/sign-in");
  await requestMagicLink(page, email);
  await expect(page).toHaveURL(/\/verify-request/);
  await followMagicLink(page, email, 2);
  await expect(page).toHaveURL("/dashboard");
  expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBeNull();

  // The attacker's password no longer opens the account.
  await attackerPage.goto("/sign-in");
  await signInWithPassword(attackerPage, email, "attacker-chose-this-passphrase");
  await expect(alertWith(attackerPage, "The email or password is incorrect")).toBeVisible();
  await attacker.close();
});
