import { ageSignIn, createAccount } from "./support/accounts";
import { db, writeWithRetry } from "./support/db";
import { alertWith, requestMagicLink, signInWithGitHub, signInWithPassword } from "./support/flows";
import { latestEmailTo } from "./support/mail";
import { signedInBrowser } from "./support/orgs";
import { expect, test } from "./support/test";
import { APP_URL } from "./env";

const SUSPENDED = "This account is suspended";

test("an admin finds a user and suspends them: the user's open page sends them to sign in, and signing in says why", async ({
  page,
  login,
  browser,
}) => {
  await login({ role: "admin", name: "Grace Admin" });
  const user = await createAccount({ name: "Mallory" });
  const them = await signedInBrowser(browser, user);
  await them.page.goto("/dashboard");
  await expect(them.page).toHaveURL("/dashboard");

  await page.goto("/admin");
  await page.getByLabel("Email or name starts with").fill(user.email.slice(0, 20));
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/admin\?q=/);
  await page.getByRole("link", { name: user.email }).click();
  await expect(page.getByRole("list", { name: "Sessions" }).getByRole("listitem")).toHaveCount(1);

  const form = page.getByRole("form", { name: "Suspend this user" });
  await form.getByRole("button", { name: "Suspend and sign out everywhere" }).click();
  await expect(form.getByText("Say why, for the other admins and the audit log.")).toBeVisible();
  await form.getByLabel("Reason").fill("Card testing from many accounts");
  await form.getByLabel("For").selectOption("7d");
  await form.getByRole("button", { name: "Suspend and sign out everywhere" }).click();
  await expect(alertWith(page, "Suspended. Every session of theirs has ended")).toBeVisible();
  await expect(page.getByText("No active sessions.")).toBeVisible();

  // The user's next request finds no session.
  await them.page.reload();
  await expect(them.page).toHaveURL(/\/sign-in/);
  await signInWithPassword(them.page, user.email);
  await expect(alertWith(them.page, "This account has been suspended")).toBeVisible();
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

  // The audit log has it, filtered by action.
  await page.goto("/admin/audit?action=user.banned");
  await expect(page.getByRole("table", { name: "Audit log" })).toContainText("Card testing from many accounts");

  // Lifted: they are back in, and their security log tells them what happened.
  await page.goto(`/admin/users/${user.id}`);
  await page.getByRole("button", { name: "Lift the suspension" }).click();
  await expect(alertWith(page, "The suspension is lifted.")).toBeVisible();
  await signInWithPassword(them.page, user.email);
  await them.page.goto("/account/security");
  await expect(them.page.getByText("Suspended by an administrator until")).toBeVisible();
  await expect(them.page.getByText("Suspension lifted by an administrator")).toBeVisible();
  await them.context.close();
});

test("a suspended user is refused at the code and GitHub doors too", async ({ page }) => {
  const user = await createAccount({ github: false, password: null });
  await writeWithRetry(() =>
    db.user.update({ where: { id: user.id }, data: { bannedAt: new Date(), banReason: "x" } }),
  );

  // The 6-digit code from the sign-in email.
  await page.goto("/sign-in");
  await requestMagicLink(page, user.email);
  await expect(page).toHaveURL(/\/verify-request/);
  const code = (await latestEmailTo(user.email)).text.match(/device where you asked to sign in:\s+(\d{6})/)?.[1];
  const form = page.getByRole("form", { name: "Sign in with a code" });
  await form.getByLabel("6-digit code").fill(code!);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: SUSPENDED })).toBeVisible();

  // GitHub with the address unverified says only what it says to anyone (a suspension is never
  // told to someone who hasn't proved the address); verified, it is refused as suspended.
  await signInWithGitHub(page, user.email, { verified: false });
  await expect(page.getByRole("heading", { name: "GitHub hasn't verified that email address" })).toBeVisible();
  await signInWithGitHub(page, user.email);
  await expect(page).toHaveURL(`${APP_URL}/auth-error?error=AccountSuspended`);
  await expect(page.getByRole("heading", { name: SUSPENDED })).toBeVisible();
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
});

test("making someone an admin asks the admin to confirm it's them first", async ({ page, login }) => {
  const admin = await login({ role: "admin" });
  const user = await createAccount({ name: "Next Admin" });
  await ageSignIn(admin.email, 30);
  await page.goto(`/admin/users/${user.id}`);
  await page.getByRole("button", { name: "Make admin" }).click();
  await expect(page).toHaveURL(/\/account\/reauthenticate\?callbackUrl=%2Fadmin%2Fusers%2F/);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("user");

  await page.getByLabel("Your password", { exact: true }).fill(admin.password!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(`/admin/users/${user.id}`);
  await page.getByRole("button", { name: "Make admin" }).click();
  await expect(alertWith(page, "Their platform role was changed.")).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("admin");
});

test("an admin sees a user's API tokens and revokes them all; the user's log says so", async ({ page, login }) => {
  await login({ role: "admin" });
  const user = await createAccount();
  await writeWithRetry(() =>
    db.apiToken.create({
      data: {
        userId: user.id,
        name: "Leaked CI token",
        tokenHash: `admin-e2e-${user.id}`,
        lastFour: "wxyz",
        scopes: "profile:read orgs:read",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    }),
  );
  await page.goto(`/admin/users/${user.id}`);
  const tokens = page.getByRole("list", { name: "API tokens" });
  await expect(tokens).toContainText("Leaked CI token");
  await expect(tokens).toContainText("…wxyz");
  await expect(tokens).toContainText("profile:read, orgs:read");
  await page
    .getByRole("form", { name: "Revoke all API tokens" })
    .getByRole("button", { name: "Revoke all tokens" })
    .click();
  await expect(alertWith(page, "Every API token of theirs is revoked.")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("No API tokens.");
  expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(0);
  expect(await db.securityEvent.count({ where: { userId: user.id, type: "api-tokens-revoked-by-admin" } })).toBe(1);
});
