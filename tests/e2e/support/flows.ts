import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

/** A unique address per test, so tests can run in parallel against one database. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

export const STRONG_PASSWORD = "plinth-marigold-quartz-7";

/** Fills in the sign-up form; unless told to expect an error, waits until the dashboard. */
export async function signUp(
  page: Page,
  email: string,
  { password = STRONG_PASSWORD, name = "Ada Lovelace", expectError = false } = {},
) {
  await page.goto("/sign-up");
  await page.getByLabel("Name (optional)").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  if (!expectError) await expect(page).toHaveURL("/dashboard");
}

/** An inline error message (Next's route announcer also has role=alert, so match by text). */
export function alertWith(page: Page, text: string | RegExp) {
  return page.getByRole("alert").filter({ hasText: text });
}

export async function signInWithPassword(page: Page, email: string, password = STRONG_PASSWORD) {
  const form = page.getByRole("form", { name: "Sign in with a password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in with password" }).click();
}

export async function requestMagicLink(page: Page, email: string) {
  const form = page.getByRole("form", { name: "Sign in with an email link" });
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL("/");
}
