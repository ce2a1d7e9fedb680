import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

/** The code an authenticator app shows for `secret`, `steps` 30-second steps from now. */
export function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/**
 * Turns two-factor on from /account/two-factor as a user would: reads the key off the page (as
 * typing it into an app would), enters the current code, and keeps the backup codes shown.
 * The current step's code is then spent: the next sign-in uses the next step's. `whileSettingUp`
 * runs on the page that shows the QR code, before the code is entered.
 */
export async function turnOnTwoFactor(page: Page, { whileSettingUp }: { whileSettingUp?: () => Promise<void> } = {}) {
  await page.goto("/account/two-factor");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await whileSettingUp?.();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.getByLabel("6-digit code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const list = page.getByRole("list", { name: "Backup codes" }).getByRole("listitem");
  await expect(list).toHaveCount(10);
  const backupCodes = await list.allInnerTexts();
  return { secret, backupCodes };
}

/** On /sign-in/two-factor: enters a code (and ticks "Remember this device" when asked to). */
export async function enterSecondFactor(page: Page, code: string, { remember = false } = {}) {
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.getByLabel("Code from your authenticator app, or a backup code").fill(code);
  if (remember) await page.getByLabel(/Remember this device/).check();
  await page.getByRole("button", { name: "Continue" }).click();
}
