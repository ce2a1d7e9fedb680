import { db, writeWithRetry } from "./support/db";
import { alertWith, requestMagicLink, uniqueEmail } from "./support/flows";
import { emailsTo } from "./support/mail";
import { expect, test } from "./support/test";

/**
 * The mail provider is down (the fake Resend answers 500 to "fail-…" addresses): the person is
 * told the email couldn't be sent and to try again, never "check your email", and nothing usable
 * is left in the database. tests/integration/mail-faults.test.ts covers every flow, and a slow API.
 */
test("asking for a sign-in link while the mail provider fails says so, and stores no link or code", async ({
  page,
}) => {
  const email = uniqueEmail("fail");
  await page.goto("/sign-in");
  await requestMagicLink(page, email);

  await expect(alertWith(page, "could not be sent")).toBeVisible();
  await expect(alertWith(page, "try again")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);
  expect(await db.signInCode.count({ where: { identifier: email } })).toBe(0);
  expect(await emailsTo(email)).toEqual([]);
});

test("asking for a step-up code while the mail provider fails says so, and stores no code", async ({ page, login }) => {
  const { id, email } = await login({ email: uniqueEmail("fail"), password: null });
  await writeWithRetry(() =>
    db.session.updateMany({ where: { userId: id }, data: { authenticatedAt: new Date(Date.now() - 30 * 60_000) } }),
  );

  await page.goto("/account/reauthenticate?callbackUrl=%2Faccount");
  await page.getByRole("button", { name: "Email me a code" }).click();

  await expect(alertWith(page, "couldn't send the email")).toBeVisible();
  await expect(alertWith(page, "try again")).toBeVisible();
  expect(await db.authToken.count({ where: { userId: id, purpose: "step-up" } })).toBe(0);
  expect(await emailsTo(email)).toEqual([]);
});
