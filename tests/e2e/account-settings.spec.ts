import { APP_URL } from "./env";
import { db } from "./support/db";
import { alertWith, signInWithPassword, signOut, uniqueEmail } from "./support/flows";
import { emailTo, latestEmailTo, linkIn } from "./support/mail";
import { expect, test } from "./support/test";

test("change the email address: confirm from the new inbox, the old one is told", async ({ page, login }) => {
  const { email: oldEmail } = await login();
  const newEmail = uniqueEmail("new");

  await page.goto("/account");
  await page.getByLabel("New email address").fill(newEmail);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(alertWith(page, "we sent it a confirmation link")).toBeVisible();

  const message = await latestEmailTo(newEmail);
  expect(message.subject).toBe("Confirm your new Gatehouse email address");
  await page.goto(linkIn(message, APP_URL));
  await page.getByRole("button", { name: "Use this email" }).click();
  await expect(page).toHaveURL("/account?notice=email-changed");
  await expect(page.getByText(`Your email address is now ${newEmail}.`)).toBeVisible();
  await emailTo(oldEmail, "Your Gatehouse email address was changed");

  await signOut(page);
  await page.goto("/sign-in");
  await signInWithPassword(page, newEmail);
  await expect(page).toHaveURL("/dashboard");
});

test("a GitHub-only account sets a password, then signs in with it", async ({ page, login }) => {
  const { email } = await login({ password: null, github: true });

  await page.goto("/account");
  await expect(page.getByTestId("sign-in-methods")).toContainText("Password: not set");
  await page.getByLabel("New password").fill("saffron-tugboat-meadow-4");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(alertWith(page, "Password set")).toBeVisible();

  await signOut(page);
  await page.goto("/sign-in");
  await signInWithPassword(page, email, "saffron-tugboat-meadow-4");
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("signed-in-method")).toHaveText("your password");
});

test("connect GitHub from account settings, then disconnect it", async ({ page, login }) => {
  const { email } = await login();
  await page.goto("/account");
  await page.getByRole("button", { name: "Connect GitHub" }).click();
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("other-gh"));
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page).toHaveURL("/account?notice=github-connected");
  await expect(page.getByTestId("sign-in-methods")).toContainText("GitHub: connected");

  await page.getByRole("button", { name: "Disconnect GitHub" }).click();
  await expect(alertWith(page, "GitHub disconnected")).toBeVisible();
  await expect(page.getByTestId("sign-in-methods")).toContainText("GitHub: not connected");
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
  expect(user.accounts).toHaveLength(0);
});

test("GitHub can't be disconnected when it is the only way to sign in", async ({ page, login }) => {
  // An account from before GitHub addresses had to be verified: no confirmed email, no password.
  await login({ password: null, github: true, verified: false });
  await page.goto("/account");
  await page.getByRole("button", { name: /Disconnect GitHub/ }).click();
  await expect(alertWith(page, "GitHub is your only way to sign in")).toBeVisible();
  await expect(page.getByTestId("sign-in-methods")).toContainText("GitHub: connected");
});

test("delete the account: every row goes, and a goodbye email is sent", async ({ page, login }) => {
  const { email, id } = await login();

  await page.goto("/account");
  const form = page.getByRole("form", { name: "Delete account" });
  await form.getByLabel(`Type ${email} to confirm`).fill("someone-else@example.com");
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Type your email address exactly as shown to confirm.")).toBeVisible();

  await form.getByLabel(`Type ${email} to confirm`).fill(email);
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL("/?goodbye=1");
  await expect(page.getByText("Your account was deleted.")).toBeVisible();

  expect(await db.user.count({ where: { id } })).toBe(0);
  expect(await db.session.count({ where: { userId: id } })).toBe(0);
  expect(await db.account.count({ where: { userId: id } })).toBe(0);
  expect(await db.authToken.count({ where: { userId: id } })).toBe(0);
  await emailTo(email, "Your Gatehouse account was deleted");
});
