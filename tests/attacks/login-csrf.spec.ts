import type { Page } from "@playwright/test";
import { expect, test } from "../e2e/support/test";
import { APP_URL, CROSS_SITE_URL } from "../e2e/env";
import { uniqueEmail } from "../e2e/support/flows";
import { Attacker } from "./support/attacker";
import { signInEmailSecrets } from "./support/mail";

/**
 * Attack: login CSRF. The attacker asks for a sign-in email for their own address, then lures the
 * victim to a page on another site that sends the victim's browser to the sign-in link. If the
 * browser is signed in as the attacker, everything the victim then types (a card, a document)
 * lands in the attacker's account. Seen before the fix: another site's GET of the callback signed
 * the victim's browser into the attacker's account.
 */
async function attackersOwnLink() {
  const attackerEmail = uniqueEmail("attacker-own");
  const attacker = new Attacker();
  await attacker.requestSignInEmail(attackerEmail);
  const { link, token } = await signInEmailSecrets(attackerEmail);
  const callback = `${APP_URL}/api/auth/callback/resend?${new URLSearchParams({ token, email: attackerEmail, callbackUrl: "/dashboard" })}`;
  return { attackerEmail, link, callback };
}

async function signedInAs(page: Page): Promise<string | null> {
  const reply = await page.request.get(`${APP_URL}/api/protected/me`);
  return reply.status() === 200 ? ((await reply.json()) as { user: { email: string } }).user.email : null;
}

test("another site sending the victim's browser to the callback (GET) signs nobody in", async ({ page }) => {
  const { callback } = await attackersOwnLink();
  await page.goto(`${CROSS_SITE_URL}/go?url=${encodeURIComponent(callback)}`);
  await page.waitForURL(/\/sign-in\/confirm/);
  expect(await signedInAs(page)).toBeNull();
});

test("another site posting the victim's browser to the callback signs nobody in", async ({ page }) => {
  const { callback } = await attackersOwnLink();
  await page.goto(`${CROSS_SITE_URL}/post?url=${encodeURIComponent(callback)}`);
  await expect(page.locator("body")).toContainText("cross_site_request");
  expect(await signedInAs(page)).toBeNull();
});

test("another site posting a code to the code form signs nobody in", async ({ page }) => {
  const attackerEmail = uniqueEmail("attacker-code");
  await new Attacker().requestSignInEmail(attackerEmail);
  const { code } = await signInEmailSecrets(attackerEmail);
  const form = `${APP_URL}/sign-in/code?${new URLSearchParams({ email: attackerEmail, code })}`;
  await page.goto(`${CROSS_SITE_URL}/post-fields?url=${encodeURIComponent(form)}`);
  await expect(page.locator("body")).toContainText("Cross-site request refused");
  expect(await signedInAs(page)).toBeNull();
});

test("the confirm page opened from another site shows a button, and only that button signs in", async ({ page }) => {
  const { attackerEmail, link } = await attackersOwnLink();
  await page.goto(`${CROSS_SITE_URL}/go?url=${encodeURIComponent(link.toString())}`);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await signedInAs(page)).toBeNull();
  // Pressing it is a same-origin POST from our own page: that is the one way in.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${APP_URL}/dashboard`);
  expect(await signedInAs(page)).toBe(attackerEmail);
});

test("a POST with no Origin header at all is refused at every door that signs in with an emailed secret", async () => {
  const attackerEmail = uniqueEmail("attacker-no-origin");
  const attacker = new Attacker();
  await attacker.requestSignInEmail(attackerEmail);
  const { code, token } = await signInEmailSecrets(attackerEmail);
  // A client that simply leaves Origin out (scripts; some proxies strip it). `send` adds none.
  const callback = await attacker.send(
    "POST",
    `/api/auth/callback/resend?${new URLSearchParams({ token, email: attackerEmail })}`,
    "",
    { "content-type": "application/x-www-form-urlencoded" },
  );
  expect(callback.status).toBe(403);
  const form = await attacker.send(
    "POST",
    "/sign-in/code",
    new URLSearchParams({ email: attackerEmail, code }).toString(),
    {
      "content-type": "application/x-www-form-urlencoded",
    },
  );
  expect(form.status).toBe(403);
  expect(attacker.sessionCookie()).toBeUndefined();
});
