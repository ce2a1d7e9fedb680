import { expect, type Page } from "@playwright/test";
import { APP_URL } from "../env";
import { latestEmailTo, linkIn } from "./mail";

export { uniqueEmail } from "../../support/random";

export const STRONG_PASSWORD = "plinth-marigold-quartz-7";

/** Fills in and submits the sign-up form. */
export async function submitSignUp(
  page: Page,
  email: string,
  { password = STRONG_PASSWORD, name = "Ada Lovelace" } = {},
) {
  await page.goto("/sign-up");
  await page.getByLabel("Name (optional)").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Opens the confirmation link from the newest email to `email` and presses the button. */
export async function confirmEmailByLink(page: Page, email: string) {
  const message = await latestEmailTo(email);
  expect(message.subject).toBe("Confirm your email for Gatehouse");
  await page.goto(linkIn(message, APP_URL));
  await page.getByRole("button", { name: "Confirm my email" }).click();
}

/** A confirmed password account, signed in, on the dashboard. */
export async function signUp(page: Page, email: string, options: { password?: string; name?: string } = {}) {
  await submitSignUp(page, email, options);
  await expect(page).toHaveURL("/verify-email");
  await confirmEmailByLink(page, email);
  await expect(page).toHaveURL("/dashboard");
}

/** An inline error (role=alert) or notice (role=status), matched by text: Next's route announcer is an empty alert too. */
export function alertWith(page: Page, text: string | RegExp) {
  return page.locator('[role="alert"], [role="status"]').filter({ hasText: text });
}

/** Submits the password form and waits for its answer (so a next try starts from a settled form). */
export async function signInWithPassword(page: Page, email: string, password = STRONG_PASSWORD) {
  const form = page.getByRole("form", { name: "Sign in with a password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await form.getByRole("button", { name: "Sign in with password" }).click();
  await answered;
  // React resets the form when the action's transition ends, after the response arrives: a next
  // try typed before that would be wiped. Settled = no longer pending (or gone, after a sign-in).
  await expect(form.getByRole("button", { name: "Signing in…" })).toHaveCount(0);
}

export async function requestMagicLink(page: Page, email: string) {
  const form = page.getByRole("form", { name: "Sign in with an email link" });
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
}

/** Signs out from the account menu in the header. */
export async function signOut(page: Page) {
  await page.getByLabel("Account menu").click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
}

/** From the sign-in (or sign-up) page: through the fake GitHub's authorize form and back. */
export async function continueWithGitHub(page: Page, email: string, { verified = true } = {}) {
  await page.getByRole("button", { name: /GitHub/ }).click();
  await expect(page.getByRole("heading", { name: "Fake GitHub" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  if (!verified) await page.getByLabel("Email verified by GitHub").uncheck();
  await page.getByRole("button", { name: "Authorize" }).click();
}

export async function signInWithGitHub(page: Page, email: string, options: { verified?: boolean } = {}) {
  await page.goto("/sign-in");
  await continueWithGitHub(page, email, options);
}

/**
 * Opens the link in the newest sign-in email to `email` and presses "Sign in" on the confirm page.
 * Call it once the sign-in form has answered (/verify-request): Auth.js sends the email while it
 * stores the token, so the email can arrive before the link works.
 */
export async function followMagicLink(page: Page, email: string, count = 1) {
  const message = await latestEmailTo(email, count);
  expect(message.subject).toBe("Your Gatehouse sign-in link");
  const link = linkIn(message, APP_URL);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  return { link, code: message.text.match(/device where you asked to sign in:\s+(\d{6})/)?.[1] };
}
