import { APP_URL } from "../e2e/env";
import { createAccount, ageSignIn } from "../e2e/support/accounts";
import { alertWith, requestMagicLink, signInWithPassword, STRONG_PASSWORD } from "../e2e/support/flows";
import { emailTo, linkIn } from "../e2e/support/mail";
import { expect, test } from "../e2e/support/test";
import { Attacker } from "./support/attacker";

/**
 * Attack: keep a chosen user out of their account. From a new machine for every request, the
 * attacker opens the victim's confirm page and presses its button with made-up tokens, types wrong
 * codes for the address, and locks password sign-in with wrong passwords, over and over. Seen
 * before the fix: after ten such tries the owner's own fresh link answered "Too many attempts",
 * and so did the code they asked for to confirm it was them, signed in.
 *
 * The lockout of password sign-in stays (it is the defence against guessing). What must hold is
 * that the owner's proven ways in keep working while the attack runs: the link in their inbox
 * (256 random bits, never refused because others guessed wrong) and, once signed in, their step-up.
 */
async function keepOut(email: string) {
  const tries = (token: string) => new URLSearchParams({ email, token, callbackUrl: "/dashboard" });
  for (let i = 0; i < 12; i++) {
    await new Attacker().get(`/sign-in/confirm?${tries(String(i).padStart(6, "0"))}`);
    await new Attacker().post(`/api/auth/callback/resend?${tries(String(i).padStart(64, "0"))}`, []);
    await new Attacker().post("/sign-in/code", [
      ["email", email],
      ["code", String(i).padStart(6, "0")],
      ["callbackUrl", "/dashboard"],
    ]);
  }
  for (let i = 0; i < 10; i++) {
    const attacker = new Attacker();
    const csrfToken = await attacker.csrfToken();
    await attacker.post("/api/auth/callback/credentials", [
      ["email", email],
      ["password", `Winter2026-${i}!`],
      ["csrfToken", csrfToken],
      ["callbackUrl", "/dashboard"],
    ]);
  }
}

test("while others guess at the owner's address, the owner's own link and step-up code still work", async ({
  page,
}) => {
  const owner = await createAccount();
  await keepOut(owner.email);

  // Password sign-in is locked for the address, the owner included: that is the lockout.
  await page.goto("/sign-in");
  await signInWithPassword(page, owner.email, STRONG_PASSWORD);
  await expect(alertWith(page, /Too many attempts\. Try again in \d+ minutes?\./)).toBeVisible();

  // The owner asks for a link; the attack goes on; the link signs them in.
  await page.goto("/sign-in");
  await requestMagicLink(page, owner.email);
  await expect(page).toHaveURL(/\/verify-request/);
  await keepOut(owner.email);
  // (The address also got the lockout notice: look for each email by its subject.)
  await page.goto(linkIn(await emailTo(owner.email, "Your Gatehouse sign-in link"), APP_URL));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  // Signed in, confirming it's them with an emailed code is theirs alone, whatever others typed.
  await ageSignIn(owner.email, 30);
  await page.goto("/account/reauthenticate?callbackUrl=%2Faccount");
  await page.getByRole("button", { name: "Email me a code instead" }).click();
  await expect(page).toHaveURL(/sent=1/);
  const code = (await emailTo(owner.email, "Your Gatehouse confirmation code")).text.match(/\b(\d{6})\b/)?.[1];
  await page.getByLabel("6-digit code from the email").fill(code!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account(#.*)?$/);
});
