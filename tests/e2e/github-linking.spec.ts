import { db } from "./support/db";
import { emailTo } from "./support/mail";
import { createAccount } from "./support/accounts";
import { signInWithGitHub } from "./support/flows";
import { expect, test } from "./support/test";

test("GitHub with an unverified email is not linked to an existing account", async ({ page }) => {
  const { email } = await createAccount();

  await signInWithGitHub(page, email, { verified: false });
  await expect(page).toHaveURL("/auth-error?error=GitHubEmailUnverified");
  await expect(page.getByRole("heading", { name: "GitHub hasn't verified that email address" })).toBeVisible();
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
  expect(user.accounts).toHaveLength(0);
});

test("GitHub with a verified email links to the verified account with that email", async ({ page }) => {
  const { email } = await createAccount();

  await signInWithGitHub(page, email, { verified: true });
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("signed-in-method")).toHaveText("GitHub");
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
  expect(user.accounts.map((a) => a.provider)).toEqual(["github"]);
  // A new way into the account: the owner is told.
  await emailTo(email, "A new sign-in method was added to your Gatehouse account");
});
