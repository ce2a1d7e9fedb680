import { expect, test } from "./support/test";
import { randomIp } from "../support/random";
import { APP_URL } from "./env";
import { db } from "./support/db";
import { latestEmailTo, linkIn } from "./support/mail";
import { alertWith, followMagicLink, requestMagicLink, uniqueEmail } from "./support/flows";

test("a magic link signs in once, and a second click explains that it was used", async ({ browser, page }) => {
  const email = uniqueEmail("magic");
  await page.goto("/sign-in");
  await requestMagicLink(page, email);

  await expect(page).toHaveURL(/\/verify-request/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  const { link } = await followMagicLink(page, email);
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
  await expect(page.getByTestId("signed-in-method")).toHaveText("an email link");
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(user.emailVerified).not.toBeNull();

  // The second click, from a browser with no session (clearing this one's cookies would race the
  // dashboard's prefetches, whose answers set the session cookie again).
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await expect(
    otherPage.getByRole("heading", { name: "This sign-in link has expired or was already used" }),
  ).toBeVisible();
  await other.close();
});

test("a mail scanner opening the link does not use it up; the button does", async ({ page, request }) => {
  const email = uniqueEmail("scanned");
  await page.goto("/sign-in");
  await requestMagicLink(page, email);
  await expect(page).toHaveURL(/\/verify-request/);
  const link = linkIn(await latestEmailTo(email), APP_URL);

  // What a scanner does: fetch the link (and follow its redirects), no clicks.
  const scanned = await request.get(link);
  expect(scanned.status()).toBe(200);
  expect(await scanned.text()).toContain("Sign in as");
  expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(1);

  await page.goto(link);
  await expect(page.getByText(`Sign in as ${email}?`)).toBeVisible();
  // This browser asked for the link: no warning.
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/dashboard");
  expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);
});

test("the code from the email signs in on the device that asked", async ({ page }) => {
  const email = uniqueEmail("code");
  await page.goto("/dashboard?tab=code");
  await requestMagicLink(page, email);
  await expect(page).toHaveURL(/\/verify-request/);
  const code = (await latestEmailTo(email)).text.match(/device where you asked to sign in:\s+(\d{6})/)?.[1];
  expect(code).toMatch(/^\d{6}$/);

  const form = page.getByRole("form", { name: "Sign in with a code" });
  await form.getByLabel("6-digit code").fill(code === "000000" ? "111111" : "000000");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code is wrong or has expired")).toBeVisible();

  await form.getByLabel("6-digit code").fill(code!);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/dashboard?tab=code");
  await expect(page.getByTestId("signed-in-method")).toHaveText("an email link");
});

test("when the email cannot be sent, the user sees an error instead of 'check your email'", async ({ page }) => {
  const email = uniqueEmail("bounce");
  await page.goto("/sign-in");
  await requestMagicLink(page, email);

  await expect(alertWith(page, "could not be sent")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  // Nothing usable is left behind for an email that never went out.
  await expect.poll(() => db.verificationToken.count({ where: { identifier: email } })).toBe(0);
});
