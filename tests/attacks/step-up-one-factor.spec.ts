import type { Page, Request } from "@playwright/test";
import { APP_URL } from "../e2e/env";
import { ageSignIn, createAccount, createSessionToken } from "../e2e/support/accounts";
import { db } from "../e2e/support/db";
import { alertWith, signInWithPassword, signOut, STRONG_PASSWORD } from "../e2e/support/flows";
import { emailsTo } from "../e2e/support/mail";
import { enterSecondFactor, totpCode, turnOnTwoFactor } from "../e2e/support/two-factor";
import { expect, test } from "../e2e/support/test";

/**
 * Attack: an infostealer took the browser's session cookie and the saved password of an account
 * with two-factor on. Step-up used to take the password alone (or a code emailed to the account),
 * and a stepped-up session then makes new backup codes or adds a passkey: a lasting way past the
 * second factor. Seen before the fix: the replayed password step-up renewed the session's
 * authenticatedAt, and a remembered-device sign-in with the password made 10 new backup codes.
 * With two-factor on, only the second factor steps up.
 */

async function authenticatedAgoMs(email: string): Promise<number> {
  const session = await db.session.findFirstOrThrow({ where: { user: { email } }, orderBy: { createdAt: "desc" } });
  return Date.now() - session.authenticatedAt.getTime();
}

/**
 * What a form on `page` sends when `submit` presses its button (answered here, never sent on): a
 * server action's request as an attacker copies it, less the cookie.
 */
async function copyOfSubmission(page: Page, submit: () => Promise<void>) {
  const captured = new Promise<Request>((resolve) => {
    void page.route("**/account/reauthenticate**", (route) => {
      if (route.request().method() !== "POST") return route.continue();
      resolve(route.request());
      return route.fulfill({ status: 204, body: "" });
    });
  });
  await submit();
  const request = await captured;
  await page.unrouteAll();
  const headers = Object.fromEntries(
    Object.entries(request.headers()).filter(([name]) => !["cookie", "content-length"].includes(name)),
  );
  return { url: request.url(), headers, body: request.postData()! };
}

const PLACEHOLDER = "placeholder-password-typed-here";

test("a stolen session plus the password cannot step up an account with two-factor on, even scripted", async ({
  page,
  login,
  browser,
}) => {
  const { email } = await login();
  await turnOnTwoFactor(page);
  await ageSignIn(email, 30);

  // The attacker copies the password form's request from a one-factor account of their own...
  const own = await createAccount();
  const ownContext = await browser.newContext();
  await ownContext.addCookies([
    { name: "authjs.session-token", value: await createSessionToken(own.id), url: APP_URL },
  ]);
  await ageSignIn(own.email, 30);
  const ownPage = await ownContext.newPage();
  await ownPage.goto("/account/reauthenticate?callbackUrl=%2Faccount");
  const template = await copyOfSubmission(ownPage, async () => {
    await ownPage.getByLabel("Your password", { exact: true }).fill(PLACEHOLDER);
    await ownPage.getByRole("button", { name: "Continue" }).click();
  });
  expect(template.headers["next-action"]).toBeTruthy();

  // ...and sends it with the stolen cookie and the victim's password.
  const body = template.body.replace(PLACEHOLDER, STRONG_PASSWORD);
  const reply = await page.request.post(template.url, { headers: template.headers, data: body, maxRedirects: 0 });
  expect(reply.status()).toBeLessThan(500);
  expect(reply.headers()["x-action-redirect"]).toBeUndefined();
  expect(await authenticatedAgoMs(email)).toBeGreaterThan(25 * 60_000);

  // The emailed-code door the same way: no code goes out.
  await ownPage.goto("/account/reauthenticate?callbackUrl=%2Faccount");
  const send = await copyOfSubmission(ownPage, () =>
    ownPage.getByRole("button", { name: "Email me a code instead" }).click(),
  );
  const sent = await page.request.post(send.url, { headers: send.headers, data: send.body, maxRedirects: 0 });
  expect(sent.headers()["x-action-redirect"]).toBeUndefined();
  await ownContext.close();

  // And what the page offers the session: the second factor only.
  await page.goto("/account/two-factor");
  await page.getByRole("button", { name: "Make new backup codes" }).click();
  await expect(page).toHaveURL(/\/account\/reauthenticate/);
  await expect(page.getByLabel("Code from your authenticator app")).toBeVisible();
  await expect(page.getByLabel("Your password", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Email me a code/ })).toHaveCount(0);

  expect((await emailsTo(email)).filter((mail) => /confirmation code/.test(mail.subject))).toHaveLength(0);
});

test("a remembered device and the password open the account, but making new backup codes asks for the second factor", async ({
  page,
  login,
}) => {
  const { email } = await login();
  const { secret, backupCodes } = await turnOnTwoFactor(page);
  await page.goto("/dashboard");
  await signOut(page);
  await page.goto("/sign-in");
  await signInWithPassword(page, email);
  await enterSecondFactor(page, totpCode(secret, 1), { remember: true });
  await expect(page).toHaveURL("/dashboard");
  await signOut(page);

  // The infostealer's replay: this browser's cookies (the remembered device's among them) and the password.
  await page.goto("/sign-in");
  await signInWithPassword(page, email);
  await expect(page).toHaveURL("/dashboard");
  await page.goto("/account/two-factor");
  await page.getByRole("button", { name: "Make new backup codes" }).click();
  await expect(page).toHaveURL(/\/account\/reauthenticate/);
  await expect(page.getByRole("list", { name: "Backup codes" })).toHaveCount(0);

  // The owner, who has the second factor, steps up with it and goes on.
  await page.getByLabel("Code from your authenticator app").fill(backupCodes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor/);
  await page.getByRole("button", { name: "Make new backup codes" }).click();
  await expect(page.getByRole("list", { name: "Backup codes" }).getByRole("listitem")).toHaveCount(10);
  await expect(alertWith(page, "New backup codes made.")).toBeVisible();
});
