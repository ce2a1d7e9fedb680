import { db } from "./support/db";
import { alertWith, signInWithPassword, signOut, signUp, STRONG_PASSWORD, uniqueEmail } from "./support/flows";
import { latestEmailTo } from "./support/mail";
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
  // 22 password checks, one after another: longer than most tests by nature.
  test.setTimeout(120_000);
  const email = uniqueEmail("lockout");
  await signUp(page, email);
  await signOut(page);
  for (let i = 0; i < 10; i++) {
    await page.goto("/sign-in");
    await signInWithPassword(page, email, `wrong-password-${i}`);
    await expect(alertWith(page, "The email or password is incorrect")).toBeVisible();
  }
  // Locked: even the right password is not checked now.
  await page.goto("/sign-in");
  await signInWithPassword(page, email, STRONG_PASSWORD);
  await expect(alertWith(page, /Too many attempts\. Try again in 15 minutes\./)).toBeVisible();
  const notice = await latestEmailTo(email, 2);
  expect(notice.subject).toBe("Password sign-in to your Gatehouse account was paused");
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(await db.securityEvent.count({ where: { userId: user.id, type: "lockout" } })).toBe(1);

  // An address without an account locks the same way: the answer says nothing about existence.
  const nobody = uniqueEmail("nobody");
  for (let i = 0; i < 10; i++) {
    await page.goto("/sign-in");
    await signInWithPassword(page, nobody, `wrong-password-${i}`);
    await expect(alertWith(page, "The email or password is incorrect")).toBeVisible();
  }
  await page.goto("/sign-in");
  await signInWithPassword(page, nobody, STRONG_PASSWORD);
  await expect(alertWith(page, /Too many attempts\. Try again in 15 minutes\./)).toBeVisible();
});
