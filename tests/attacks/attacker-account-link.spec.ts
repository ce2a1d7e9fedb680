import { APP_URL } from "../e2e/env";
import { linkIn, latestEmailTo } from "../e2e/support/mail";
import { uniqueEmail } from "../e2e/support/flows";
import { Attacker } from "./support/attacker";
import { expect, test } from "../e2e/support/test";

/**
 * Attack: the attacker asks for a sign-in link to their own account and mails it to the victim
 * ("confirm your invitation"). One click signs the victim in as the attacker, in a fresh session
 * where they may then add their passkey or connect their GitHub, to the attacker's account. Seen
 * before the fix: the page said only "Sign in as att…@attacker.example?", masked, with no warning.
 * Now it shows the whole address and says plainly that this browser never asked for that link,
 * and whom the visitor is signed in as.
 */
async function attackersLink(): Promise<{ address: string; link: string }> {
  const address = uniqueEmail("attacker-own");
  await new Attacker().requestSignInEmail(address);
  return { address, link: linkIn(await latestEmailTo(address), APP_URL) };
}

test("a link this browser never asked for shows the whole address and a warning", async ({ page }) => {
  const { address, link } = await attackersLink();
  await page.goto(link);
  await expect(page.getByText(`Sign in as ${address}?`)).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This browser did not ask for a sign-in link");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("you would be signed in to their account");
});

test("a victim who is signed in is told whose account they would leave, and for whose", async ({ page, login }) => {
  const victim = await login();
  const { address, link } = await attackersLink();
  await page.goto(link);
  const alerts = page.getByRole("main").getByRole("alert");
  await expect(alerts).toHaveCount(2);
  await expect(alerts.first()).toContainText(`You are signed in as ${victim.email}`);
  await expect(alerts.first()).toContainText(address);
});
