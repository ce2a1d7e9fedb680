import type { BrowserContext, Page } from "@playwright/test";
import { APP_URL } from "../e2e/env";
import { ageSignIn, createAccount } from "../e2e/support/accounts";
import { db } from "../e2e/support/db";
import { alertWith, STRONG_PASSWORD } from "../e2e/support/flows";
import { createOrg, signedInBrowser } from "../e2e/support/orgs";
import { expect, test } from "../e2e/support/test";

/**
 * Attack: use support access (ADMIN_IMPERSONATION=on, as in these tests) for more than support.
 * - An admin opens it as another admin, by posting the start form with that admin's id in place
 *   of a user's: refused, and no session is made.
 * - A support session reaches for what only the user may do: their security pages (middleware
 *   sends it to /support-access), their security actions posted from a page that lets the form
 *   through (the user's own page, its cookie swapped for the support session's: the action ids
 *   are public anyway), and a step-up-gated change (a support session never counts as recently
 *   signed in, and can't step up). Each is refused and nothing changes.
 */

const REFUSED = "Not during support access";
const SESSION_COOKIE = "authjs.session-token";

/** The admin, signed in just now, opens support access as `userId` from the user's admin page. */
async function startSupport(page: Page, user: { id: string; email: string }) {
  await page.goto(`/admin/users/${user.id}`);
  await page.getByRole("button", { name: `See the app as ${user.email}` }).click();
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByRole("region", { name: "Support access" })).toContainText(user.email);
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  return (await context.cookies(APP_URL)).find((c) => c.name === SESSION_COOKIE)!.value;
}

/** What the user's security settings amount to, to compare before and after. */
async function securityState(userId: string, sessionIds: string[]) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      passwordHash: true,
      twoFactor: { select: { secret: true, enabledAt: true } },
      _count: { select: { passkeys: true } },
    },
  });
  const sessions = await db.session.findMany({
    where: { id: { in: sessionIds } },
    select: { id: true, authenticatedAt: true, impersonatorId: true },
    orderBy: { id: "asc" },
  });
  return { user, sessions };
}

test("support access is never opened as another admin, even with their id posted in the form", async ({
  page,
  login,
}) => {
  const admin = await login({ role: "admin" });
  const otherAdmin = await createAccount({ role: "admin" });
  const user = await createAccount();

  await page.goto(`/admin/users/${otherAdmin.id}`);
  await expect(page.getByText("Not available for another admin.")).toBeVisible();
  await expect(page.getByRole("button", { name: /See the app as/ })).toHaveCount(0);

  await page.goto(`/admin/users/${user.id}`);
  const form = page.getByRole("form", { name: "Start support access" });
  await form
    .locator('input[name="userId"]')
    .evaluate((input, id) => ((input as HTMLInputElement).value = id), otherAdmin.id);
  await form.getByRole("button", { name: `See the app as ${user.email}` }).click();
  await expect(alertWith(page, "Support access is never available for another admin.")).toBeVisible();
  expect(await db.session.count({ where: { impersonatorId: admin.id } })).toBe(0);
  expect(await db.securityEvent.count({ where: { userId: otherAdmin.id, type: "support-access" } })).toBe(0);
  // Still the admin, in their own session.
  expect((await page.goto("/admin"))?.status()).toBe(200);
});

test("a support session is refused every protected page and action, and Stop gives the admin their session back", async ({
  page,
  context,
  login,
  browser,
}) => {
  const admin = await login({ role: "admin" });
  const user = await createAccount({ github: true });
  const org = await createOrg(user);

  // Opening it needs a recent sign-in, like every dangerous change.
  await ageSignIn(admin.email, 30);
  await page.goto(`/admin/users/${user.id}`);
  await page.getByRole("button", { name: `See the app as ${user.email}` }).click();
  await expect(page).toHaveURL(/\/account\/reauthenticate/);
  await ageSignIn(admin.email, 0);
  await startSupport(page, user);
  const supportToken = await sessionCookie(context);
  const sessionIds = (await db.session.findMany({ where: { userId: user.id }, select: { id: true } })).map((r) => r.id);
  const before = await securityState(user.id, sessionIds);
  expect(before.sessions.map((r) => [Boolean(r.impersonatorId), r.authenticatedAt.getTime()])).toEqual([[true, 0]]);

  // The banner is on every page; the security pages are closed.
  for (const path of ["/orgs", "/account", `/orgs/${org.slug}/settings`]) {
    await page.goto(path);
    await expect(page.getByRole("region", { name: "Support access" }), path).toBeVisible();
  }
  for (const path of [
    "/account/two-factor",
    "/account/passkeys",
    "/account/sessions",
    "/account/reauthenticate?callbackUrl=%2Faccount",
    "/account/confirm-email?token=x",
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveURL("/support-access");
    await expect(page.getByRole("heading", { name: REFUSED })).toBeVisible();
  }

  // /account is open (the profile), but its security forms refuse, even given the password.
  await page.goto("/account");
  const password = page.getByRole("form", { name: "Change password" });
  await password.getByLabel("Current password").fill(STRONG_PASSWORD);
  await password.getByLabel("New password").fill("another-long-passphrase-9");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(alertWith(page, REFUSED)).toBeVisible();
  const email = page.getByRole("form", { name: "Change email" });
  await email.getByLabel("New email address").fill("taken-over@example.com");
  await email.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(email.getByText(REFUSED)).toBeVisible();
  const deletion = page.getByRole("form", { name: "Delete account" });
  await deletion.getByLabel(`Type ${user.email} to confirm`).fill(user.email);
  await deletion.getByRole("button", { name: "Delete my account" }).click();
  await expect(deletion.getByText(REFUSED)).toBeVisible();

  // A step-up-gated change elsewhere: sent to step up, which a support session can't.
  await page.goto(`/orgs/${org.slug}/settings`);
  const orgDeletion = page.getByRole("form", { name: "Delete organization" });
  await orgDeletion.getByLabel(`Type ${org.slug} to confirm`).fill(org.slug);
  await orgDeletion.getByRole("button", { name: "Delete this organization" }).click();
  // (The action's redirect to step-up is followed inside the router: the address bar keeps its URL.)
  await expect(page.getByRole("heading", { name: REFUSED })).toBeVisible();
  expect(await db.organization.count({ where: { id: org.id } })).toBe(1);

  // The closed pages' own actions, posted with the support session from the user's own page (a
  // browser of theirs each time, its cookie swapped once the form is on the screen).
  const posted: [path: string, form: string, button: string, fill?: [label: string, value: string]][] = [
    ["/account/sessions", "Sign out of all other sessions", "Sign out of all other sessions"],
    ["/account/two-factor", "Set up two-factor authentication", "Set up two-factor authentication"],
    [
      "/account/reauthenticate?callbackUrl=%2Faccount",
      "Confirm with your password",
      "Continue",
      ["Your password", STRONG_PASSWORD],
    ],
  ];
  for (const [path, form, button, fill] of posted) {
    const them = await signedInBrowser(browser, user);
    // No link prefetches: one answered after the swap would set the user's own cookie back.
    await them.context.route("**/*", (route) =>
      route.request().headers()["next-router-prefetch"] ? route.abort() : route.continue(),
    );
    await them.page.goto(path);
    // The user sees the support session on their sessions page, under the admin's address.
    if (path === "/account/sessions")
      await expect(them.page.getByText(`Support access by ${admin.email}`)).toBeVisible();
    const theForm = them.page.getByRole("form", { name: form });
    if (fill) await theForm.getByLabel(fill[0]).fill(fill[1]);
    await them.context.addCookies([{ name: SESSION_COOKIE, value: supportToken, url: APP_URL }]);
    await theForm.getByRole("button", { name: button }).click();
    await expect(alertWith(them.page, REFUSED), path).toBeVisible();
    await them.context.close();
  }
  expect(await securityState(user.id, sessionIds)).toEqual(before);

  // Stop: the support session ends and the admin is themself again, on the user's admin page.
  await page.goto("/dashboard");
  await page.getByRole("region", { name: "Support access" }).getByRole("button", { name: "Stop" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${user.id}\\?notice=support-ended`));
  await expect(alertWith(page, "Support access ended.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Support access" })).toHaveCount(0);
  expect(await db.session.count({ where: { impersonatorId: admin.id } })).toBe(0);
  const audit = await db.auditEvent.findMany({ where: { actorId: admin.id }, select: { action: true } });
  expect(audit.map((e) => e.action).sort()).toEqual(["user.support-ended", "user.support-started"]);

  // The user's security log names the admin.
  const back = await signedInBrowser(browser, user);
  await back.page.goto("/account/security");
  await expect(back.page.getByText(`Support access by ${admin.email}`)).toBeVisible();
  await back.context.close();
});
