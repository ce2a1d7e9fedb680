import { signInWithPassword, signOut } from "../e2e/support/flows";
import { emailTo } from "../e2e/support/mail";
import { enterSecondFactor, totpCode, turnOnTwoFactor } from "../e2e/support/two-factor";
import { expect, test } from "../e2e/support/test";

/**
 * Attack: the password is known (phished, reused), the authenticator app is not. The session the
 * password opens waits for its second factor (what it may reach: tests/integration/pending-session.test.ts);
 * the code is guessed. Ten tries per account per 15 minutes, whoever makes them, then the owner is told.
 */

test("guessing the code: ten wrong tries, then even the right code is refused and the owner is told", async ({
  page,
  login,
}) => {
  const { email } = await login();
  const { secret } = await turnOnTwoFactor(page);
  await page.goto("/dashboard");
  await signOut(page);
  await page.goto("/sign-in");
  await signInWithPassword(page, email);

  for (let i = 0; i < 10; i++) {
    await enterSecondFactor(page, String(100000 + i));
    await expect(page.getByText("That code is not right.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Checking…" })).toHaveCount(0);
  }
  await enterSecondFactor(page, totpCode(secret, 1));
  await expect(page.getByText(/Too many attempts\. Try again in \d+ minutes?\./)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await emailTo(email, "Two-factor codes for your Gatehouse account were paused");
});
