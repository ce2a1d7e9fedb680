import { emailTo } from "./support/mail";
import {
  alertWith,
  followMagicLink,
  requestMagicLink,
  signInWithGitHub,
  signInWithPassword,
  signOut,
} from "./support/flows";
import { enterSecondFactor, totpCode, turnOnTwoFactor } from "./support/two-factor";
import { expect, test } from "./support/test";

const SECOND_STEP = /\/sign-in\/two-factor\?callbackUrl=%2Fdashboard/;

test("with two-factor on, a password sign-in stops at the second step until a code is entered", async ({
  page,
  login,
}) => {
  const { email } = await login();
  const { secret } = await turnOnTwoFactor(page);
  await emailTo(email, "Two-factor authentication is on for your Gatehouse account");
  await page.goto("/dashboard");
  await signOut(page);

  await page.goto("/sign-in");
  await signInWithPassword(page, email);
  await expect(page).toHaveURL(SECOND_STEP);
  // The half-signed-in session opens nothing else.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\/two-factor\?callbackUrl=%2Faccount/);
  const api = await page.request.get("/api/protected/me");
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: "second-factor-required" });

  await enterSecondFactor(page, "000000");
  await expect(page.getByText("That code is not right.")).toBeVisible();
  await enterSecondFactor(page, totpCode(secret, 1));
  await expect(page).toHaveURL("/account");
  expect((await page.request.get("/api/protected/me")).status()).toBe(200);
});

test("a backup code signs in once, not twice, and the owner is told", async ({ page, login }) => {
  const { email } = await login();
  const { backupCodes } = await turnOnTwoFactor(page);
  await page.goto("/dashboard");
  await signOut(page);

  await page.goto("/sign-in");
  await signInWithPassword(page, email);
  await enterSecondFactor(page, backupCodes[0]!);
  await expect(page).toHaveURL("/dashboard");
  await emailTo(email, "A backup code was used to sign in to your Gatehouse account");
  await signOut(page);

  await page.goto("/sign-in");
  await signInWithPassword(page, email);
  await enterSecondFactor(page, backupCodes[0]!);
  await expect(page.getByText("That code is not right.")).toBeVisible();
  await expect(page).toHaveURL(SECOND_STEP);
});

test("an email link and GitHub end at the second step too", async ({ page, login }) => {
  const { email } = await login();
  const { backupCodes } = await turnOnTwoFactor(page);
  await page.goto("/dashboard");
  await signOut(page);

  await page.goto("/sign-in");
  await requestMagicLink(page, email);
  await expect(page).toHaveURL(/\/verify-request/);
  await followMagicLink(page, email, 2);
  await expect(page).toHaveURL(SECOND_STEP);
  await page.getByRole("button", { name: "Cancel and sign out" }).click();
  await expect(page).toHaveURL("/");

  await signInWithGitHub(page, email, { verified: true });
  await expect(page).toHaveURL(SECOND_STEP);
  await enterSecondFactor(page, backupCodes[1]!);
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("signed-in-method")).toHaveText("GitHub");
});

test("a remembered device skips the second step, until two-factor is turned off and on again", async ({
  page,
  login,
}) => {
  const { email } = await login();
  const first = await turnOnTwoFactor(page);
  await page.goto("/dashboard");
  await signOut(page);
  await page.goto("/sign-in");
  await signInWithPassword(page, email);
  await enterSecondFactor(page, totpCode(first.secret, 1), { remember: true });
  await expect(page).toHaveURL("/dashboard");
  await signOut(page);

  await page.goto("/sign-in");
  await signInWithPassword(page, email);
  await expect(page).toHaveURL("/dashboard");
  await page.goto("/account/sessions");
  await expect(page.getByRole("list", { name: "Remembered devices" }).getByRole("listitem")).toHaveCount(1);

  await page.goto("/account/two-factor");
  await page.getByLabel("Code from your authenticator app, or a backup code").fill(first.backupCodes[0]!);
  await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
  await expect(alertWith(page, "Two-factor authentication is off.")).toBeVisible();
  await turnOnTwoFactor(page);
  await page.goto("/dashboard");
  await signOut(page);

  await page.goto("/sign-in");
  await signInWithPassword(page, email);
  await expect(page).toHaveURL(SECOND_STEP);
});
