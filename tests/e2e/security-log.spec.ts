import { createAccount } from "./support/accounts";
import { alertWith, signInWithPassword } from "./support/flows";
import { expect, test } from "./support/test";

test("the security log shows what happened to the account, newest first", async ({ page }) => {
  const { email } = await createAccount();
  await page.goto("/sign-in");
  await signInWithPassword(page, email, "not-my-password-at-all");
  await expect(alertWith(page, "The email or password is incorrect")).toBeVisible();
  await signInWithPassword(page, email);
  await expect(page).toHaveURL("/dashboard");

  await page.goto("/account");
  await page.getByLabel("Current password").fill("plinth-marigold-quartz-7");
  await page.getByLabel("New password").fill("orchid-canyon-pebble-51");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();

  await page.goto("/account/security");
  const events = page.getByRole("list", { name: "Security events" }).getByRole("listitem");
  await expect(events.first()).toContainText("Password changed");
  const texts = (await events.allInnerTexts()).map((t) => t.split("\n")[0]);
  expect(texts).toEqual(["Password changed", "Signed in with your password", "Failed sign-in: wrong password"]);
});
