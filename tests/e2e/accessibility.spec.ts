import { createAccount, createSessionToken } from "./support/accounts";
import { db, writeWithRetry } from "./support/db";
import { expectAccessibleInBothThemes } from "./support/accessibility";
import { followMagicLink, requestMagicLink, signInWithPassword, STRONG_PASSWORD } from "./support/flows";
import { latestEmailTo, linkIn } from "./support/mail";
import { expect, test } from "./support/test";
import { addMember, createOrg } from "./support/orgs";
import { turnOnTwoFactor } from "./support/two-factor";
import { APP_URL } from "./env";

// Every page, signed out and signed in, through axe (WCAG 2.1 AA) in the light and the dark theme.
// Pages that need a link from an email are opened from a real one. (The development outbox is
// checked in zero-config.spec.ts, the one suite that runs `npm run dev`.)

const SIGNED_OUT_PAGES = [
  "/",
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/forgot-password?sent=1",
  "/reset-password",
  "/verify-request",
  "/verify-email",
  "/sign-in/confirm",
  "/auth-error?error=Verification",
  "/no-such-page",
];

const SIGNED_IN_PAGES = [
  "/dashboard",
  "/account",
  "/account/two-factor",
  "/account/passkeys",
  "/account/sessions",
  "/account/api-tokens",
  "/account/security",
  "/account/reauthenticate",
  "/account/confirm-email",
];

// One test per page: each gets its own time budget, however many pages the list grows to.
for (const path of SIGNED_OUT_PAGES) {
  test(`signed out, ${path} passes axe in both themes`, async ({ page }) => {
    await page.goto(path);
    await expectAccessibleInBothThemes(page, path);
  });
}

test("the sign-in form with an error, and the pages behind emailed links, pass axe", async ({ page }) => {
  const { email } = await createAccount();
  await page.goto("/sign-in");
  await signInWithPassword(page, email, "not-the-password-at-all");
  await expect(page.getByRole("form", { name: "Sign in with a password" }).getByRole("alert")).toBeVisible();
  await expectAccessibleInBothThemes(page, "/sign-in with a wrong password");

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page).toHaveURL("/forgot-password?sent=1");
  await page.goto(linkIn(await latestEmailTo(email), APP_URL));
  await expect(page.getByRole("button", { name: "Set new password" })).toBeVisible();
  await expectAccessibleInBothThemes(page, "/reset-password with a working link");

  await page.goto("/sign-in");
  await requestMagicLink(page, email);
  await expect(page).toHaveURL(/\/verify-request/);
  const message = await latestEmailTo(email, 2);
  await page.goto(linkIn(message, APP_URL));
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectAccessibleInBothThemes(page, "/sign-in/confirm with a working link");
});

for (const path of SIGNED_IN_PAGES) {
  test(`signed in, ${path} passes axe in both themes`, async ({ page, login }) => {
    await login();
    await page.goto(path);
    await expectAccessibleInBothThemes(page, path);
  });
}

test("the API tokens page with a new token shown, one listed, and a form error passes axe in both themes", async ({
  page,
  login,
}) => {
  await login();
  await page.goto("/account/api-tokens");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Name", { exact: true }).fill("Deploy script");
  await form.getByRole("checkbox", { name: "profile:read" }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-api-token")).toBeVisible();
  await expect(page.getByRole("list", { name: "API tokens" }).getByRole("listitem")).toHaveCount(1);
  await expectAccessibleInBothThemes(page, "/account/api-tokens showing a new token");

  await form.getByLabel("Name", { exact: true }).fill("Nightly backup");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form).toContainText("Choose at least one scope.");
  await expectAccessibleInBothThemes(page, "/account/api-tokens with a form error");
});

test("the account menu, open, passes axe in both themes", async ({ page, login }) => {
  await login();
  await page.goto("/dashboard");
  await page.getByLabel("Account menu").click();
  await expectAccessibleInBothThemes(page, "/dashboard with the account menu open");
});

for (const path of [
  "/orgs?all",
  "/orgs/new",
  "/orgs/[slug]",
  "/orgs/[slug]/members",
  "/orgs/[slug]/audit",
  "/orgs/[slug]/settings",
]) {
  test(`an organization's ${path} passes axe in both themes`, async ({ page, login }) => {
    const owner = await login();
    const org = await createOrg(owner, "Accessible Org");
    await addMember(org.id, "admin", "Alan");
    await page.goto(path.replace("[slug]", org.slug));
    await expectAccessibleInBothThemes(page, path);
  });
}

for (const path of ["/admin", "/admin/users/[id]", "/admin/users/[id] suspended", "/admin/audit"]) {
  test(`the admin console's ${path} passes axe in both themes`, async ({ page, login }) => {
    const admin = await login({ role: "admin" });
    const org = await createOrg(admin, "Admin's Org");
    const { account } = await addMember(org.id, "member", "Alan");
    await createSessionToken(account.id);
    if (path.endsWith("suspended")) {
      await writeWithRetry(() =>
        db.user.update({ where: { id: account.id }, data: { bannedAt: new Date(), banReason: "Testing" } }),
      );
    }
    await page.goto(path.replace("[id]", account.id).replace(" suspended", ""));
    await expectAccessibleInBothThemes(page, path);
  });
}

test("an organization's invitations, its switcher open, and an invitation's page pass axe in both themes", async ({
  page,
  login,
}) => {
  const owner = await login();
  const org = await createOrg(owner, "Accessible Org");
  await page.goto(`/orgs/${org.slug}/invitations`);
  await expectAccessibleInBothThemes(page, "/orgs/[slug]/invitations");
  const invitee = await createAccount();
  await page.getByLabel("Email address").fill(invitee.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("list", { name: "Pending invitations" })).toBeVisible();
  await expectAccessibleInBothThemes(page, "/orgs/[slug]/invitations with one pending");
  await page.locator("summary", { hasText: "Switch organization" }).click();
  await expectAccessibleInBothThemes(page, "/orgs/[slug] with the switcher open");
  // The invitation as its invitee sees it, signed out.
  await page.context().clearCookies();
  await page.goto(linkIn(await latestEmailTo(invitee.email), APP_URL));
  await expect(page.getByRole("heading", { name: "Join Accessible Org" })).toBeVisible();
  await expectAccessibleInBothThemes(page, "/invite, signed out");
});

test("two-factor setup, its backup codes and the second-factor sign-in page pass axe", async ({
  page,
  context,
  login,
}) => {
  const { email } = await login();
  await turnOnTwoFactor(page, {
    whileSettingUp: () => expectAccessibleInBothThemes(page, "/account/two-factor while setting up"),
  });
  await expectAccessibleInBothThemes(page, "/account/two-factor showing backup codes");

  await context.clearCookies();
  await page.goto("/sign-in");
  await signInWithPassword(page, email, STRONG_PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await expectAccessibleInBothThemes(page, "/sign-in/two-factor");
});

test("a followed magic link's confirm page is the only step before signing in (axe, both themes)", async ({ page }) => {
  const { email } = await createAccount({ password: null });
  await page.goto("/sign-in");
  await requestMagicLink(page, email);
  await expect(page).toHaveURL(/\/verify-request/);
  await expectAccessibleInBothThemes(page, "/verify-request after asking for a link");
  await followMagicLink(page, email);
  await expect(page).toHaveURL("/dashboard");
  await expectAccessibleInBothThemes(page, "/dashboard after a magic link");
});
