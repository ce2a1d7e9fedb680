import { db } from "./support/db";
import { createAccount } from "./support/accounts";
import { alertWith, signInWithPassword, STRONG_PASSWORD, uniqueEmail } from "./support/flows";
import { emailTo } from "./support/mail";
import { expect, test } from "./support/test";

test("after too many reset emails, the page says when to try again and sends nothing more", async ({ page }) => {
  const email = uniqueEmail("flood");
  for (let i = 0; i < 5; i++) {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page).toHaveURL("/forgot-password?sent=1");
  }
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(alertWith(page, /Too many attempts\. Try again in \d+ minutes?\./)).toBeVisible();
  await expect(page).toHaveURL("/forgot-password");
});

test("repeated wrong passwords pause password sign-in and tell the owner", async ({ page }) => {
  const { email } = await createAccount();
  await page.goto("/sign-in");
  for (let i = 0; i < 10; i++) {
    await signInWithPassword(page, email, `wrong-password-${i}`);
    await expect(alertWith(page, "The email or password is incorrect")).toBeVisible();
  }
  // Locked: even the right password is not checked now.
  await signInWithPassword(page, email, STRONG_PASSWORD);
  await expect(alertWith(page, /Too many attempts\. Try again in 15 minutes\./)).toBeVisible();
  await emailTo(email, "Password sign-in to your Gatehouse account was paused");
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(await db.securityEvent.count({ where: { userId: user.id, type: "lockout" } })).toBe(1);
  // (An address without an account locks the same way: tests/integration/no-enumeration.test.ts.)
});
