import type { Page } from "@playwright/test";
import { expect, test } from "../e2e/support/test";
import { randomUUID } from "node:crypto";
import { RESEND_URL } from "../e2e/env";
import { db, writeWithRetry } from "../e2e/support/db";
import { emailsTo } from "../e2e/support/mail";
import { STRONG_PASSWORD } from "../e2e/support/flows";

/**
 * Attack: tell which addresses have an account from how long the answer takes. A flow that emails
 * only existing accounts, and waits for the mail API, answers later for them. Seen before the
 * fix, with the mail API 3 s late: forgot-password answered in 3.9 s for a known address and
 * 0.8 s for an unknown one; sign-up with a taken address in 4.1 s.
 *
 * The fake mail API holds every message to a "hold-…" address until the test releases it. If a
 * flow waited for the send, its answer could not arrive while the message is held; so each test
 * gets the answer first, then sees the message waiting, then releases it. (No clock is read: the
 * proof is the order of events.)
 */
const holdAddress = () => `hold-${randomUUID().slice(0, 8)}@example.com`;

async function held(to: string): Promise<number> {
  return ((await (await fetch(`${RESEND_URL}/__test__/held?to=${encodeURIComponent(to)}`)).json()) as { held: number })
    .held;
}

async function release(to: string) {
  await fetch(`${RESEND_URL}/__test__/release?to=${encodeURIComponent(to)}`, { method: "POST" });
}

async function existingAccount(): Promise<string> {
  const email = holdAddress();
  await writeWithRetry(() => db.user.create({ data: { email, emailVerified: new Date() } }));
  return email;
}

/** What the visitor sees: the page's words, with the address blanked out. */
async function answer(page: Page, email: string) {
  await expect(page.locator("main")).toBeVisible();
  return { url: page.url(), text: (await page.locator("main").innerText()).replaceAll(email, "<email>") };
}

test("forgot password answers before the mail API does, and the same for an unknown address", async ({ page }) => {
  const known = await existingAccount();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(known);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page).toHaveURL("/forgot-password?sent=1", { timeout: 15_000 });
  const knownAnswer = await answer(page, known);
  await expect.poll(() => held(known)).toBe(1);
  await release(known);
  await expect
    .poll(async () => (await emailsTo(known)).map((m) => m.subject))
    .toEqual(["Reset your Gatehouse password"]);

  const unknown = holdAddress();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(unknown);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page).toHaveURL("/forgot-password?sent=1", { timeout: 15_000 });
  expect(await answer(page, unknown)).toEqual(knownAnswer);
  expect(await held(unknown)).toBe(0);
});

test("sign-up with a taken address answers before the mail API does", async ({ page }) => {
  const taken = await existingAccount();
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(taken);
  await page.getByLabel("Password").fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/verify-email", { timeout: 15_000 });
  await expect.poll(() => held(taken)).toBe(1);
  await release(taken);
  await expect
    .poll(async () => (await emailsTo(taken)).map((m) => m.subject))
    .toEqual(["You already have a Gatehouse account"]);
});

test("sign-up with a new address answers before the mail API does, too", async ({ page }) => {
  const fresh = holdAddress();
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(fresh);
  await page.getByLabel("Password").fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/verify-email", { timeout: 15_000 });
  await expect.poll(() => held(fresh)).toBe(1);
  await release(fresh);
  await expect
    .poll(async () => (await emailsTo(fresh)).map((m) => m.subject))
    .toEqual(["Confirm your email for Gatehouse"]);
});

test("resend verification answers before the mail API does", async ({ page }) => {
  const unconfirmed = holdAddress();
  await writeWithRetry(() => db.user.create({ data: { email: unconfirmed, passwordHash: "$argon2id$placeholder" } }));
  await page.goto("/verify-email");
  await page.getByText("Didn't get the email?").click();
  const form = page.getByRole("form", { name: "Resend the confirmation email" });
  await form.getByLabel("Email").fill(unconfirmed);
  await form.getByRole("button", { name: "Send a new link and code" }).click();
  await expect(page).toHaveURL("/verify-email?resent=1", { timeout: 15_000 });
  await expect.poll(() => held(unconfirmed)).toBe(1);
  await release(unconfirmed);
  await expect.poll(async () => (await emailsTo(unconfirmed)).length).toBe(1);
});
