import { createAccount } from "./support/accounts";
import { expect, test } from "./support/test";
import {
  alertWith,
  signInWithPassword,
  signOut,
  signUp,
  STRONG_PASSWORD,
  submitSignUp,
  uniqueEmail,
} from "./support/flows";

test("sign up, sign out, then sign in again with the password", async ({ page }) => {
  const email = uniqueEmail("pw");
  await signUp(page, email);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeVisible();
  await expect(page.getByTestId("signed-in-method")).toHaveText("your email confirmation");

  await signOut(page);
  await page.goto("/sign-in");
  await signInWithPassword(page, email, STRONG_PASSWORD);
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
  await expect(page.getByTestId("signed-in-method")).toHaveText("your password");
});

test("a wrong password shows one clear error and keeps the email", async ({ page }) => {
  const { email } = await createAccount();

  await page.goto("/sign-in");
  await signInWithPassword(page, email, "not-the-right-password");
  await expect(alertWith(page, "The email or password is incorrect")).toBeVisible();
  await expect(page.getByRole("form", { name: "Sign in with a password" }).getByLabel("Email")).toHaveValue(email);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-up explains a password that is too short", async ({ page }) => {
  await submitSignUp(page, uniqueEmail("short"), { password: "short" });
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
});

test("the password can be shown and hidden again while typing", async ({ page }) => {
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "Sign in with a password" });
  const input = form.getByLabel("Password", { exact: true });
  await input.fill("what-i-typed");
  await expect(input).toHaveAttribute("type", "password");
  await form.getByRole("button", { name: "Show" }).click();
  await expect(input).toHaveAttribute("type", "text");
  await expect(input).toHaveValue("what-i-typed");
  await form.getByRole("button", { name: "Hide" }).click();
  await expect(input).toHaveAttribute("type", "password");
});
