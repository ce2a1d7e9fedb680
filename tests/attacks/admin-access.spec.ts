import type { BrowserContext, Page } from "@playwright/test";
import { APP_URL } from "../e2e/env";
import { createAccount, createSessionToken } from "../e2e/support/accounts";
import { db, writeWithRetry } from "../e2e/support/db";
import { uniqueEmail } from "../e2e/support/flows";
import { expect, test } from "../e2e/support/test";

/**
 * Attack: reach the admin console without being an admin. The attacker is a signed-in user (or an
 * admin who was just demoted, with /admin still open). They open every /admin URL, and post every
 * admin action from an admin's own page (the action ids are in the public JavaScript anyway).
 * Every page answers 404 with nothing of any other user in it, and every action changes nothing.
 * Then they try to make themselves an admin through the user-facing forms, with `role=admin`
 * added to the body; the role stays "user" (tests/unit/platform-role-writes.test.ts holds the
 * code side: only src/server/admin/roles.ts writes User.role).
 */

async function victim() {
  const user = await createAccount({ name: "Victim Person" });
  await createSessionToken(user.id);
  return user;
}

async function stateOf(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { role: true, bannedAt: true, _count: { select: { sessions: true } } },
  });
  return { role: user.role, banned: Boolean(user.bannedAt), sessions: user._count.sessions };
}

/** Replaces the browser's session cookie, under the page that is open. */
async function swapCookie(context: BrowserContext, userId: string) {
  await context.clearCookies();
  await context.addCookies([{ name: "authjs.session-token", value: await createSessionToken(userId), url: APP_URL }]);
}

/** Signs the browser in as `userId` once its pages have stopped (a late response would set the old cookie back). */
async function becomeSignedInAs(context: BrowserContext, userId: string) {
  for (const open of context.pages()) await open.goto("about:blank");
  await swapCookie(context, userId);
}

test("a signed-in user gets 404 on every /admin URL, with nothing of any other user in the body", async ({
  page,
  login,
}) => {
  await login();
  const target = await victim();
  // (A search term the attacker typed comes back in the page's own URL; they knew it already.)
  for (const path of [
    "/admin",
    "/admin?q=victim",
    "/admin?page=2",
    `/admin/users/${target.id}`,
    "/admin/audit",
    "/admin/audit?action=user.banned",
    "/admin/users/no-such-user",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    const body = await page.content();
    expect(body, path).not.toContain(target.email);
    expect(body, path).not.toContain("Victim Person");
  }
});

/** Every form of /admin/users/[id]: on which user's page, and its button. */
const ADMIN_FORMS = [
  { on: "target", form: "Suspend this user", button: "Suspend and sign out everywhere", reason: true },
  { on: "target", form: "End all sessions", button: "Sign out everywhere" },
  { on: "target", form: /^End the session from/, button: "End" },
  { on: "target", form: "Make admin", button: "Make admin" },
  { on: "banned", form: "Lift the suspension", button: "Lift the suspension" },
] as const;

test("every admin action posted without the admin role (a user's cookie, or an admin just demoted) answers 404 and changes nothing", async ({
  page,
  context,
  login,
}) => {
  const admin = await login({ role: "admin" });
  const user = await createAccount();
  const users = { target: await victim(), banned: await victim() };
  await writeWithRetry(() =>
    db.user.update({ where: { id: users.banned.id }, data: { bannedAt: new Date(), banReason: "x" } }),
  );
  const before = { target: await stateOf(users.target.id), banned: await stateOf(users.banned.id) };
  // No link prefetches: one answered after a cookie swap would set the admin's cookie back.
  await context.route("**/*", (route) =>
    route.request().headers()["next-router-prefetch"] ? route.abort() : route.continue(),
  );
  const swaps = {
    "a user's cookie": () => swapCookie(context, user.id),
    "the admin demoted": () =>
      writeWithRetry(() => db.user.update({ where: { id: admin.id }, data: { role: "user" } })),
  };

  for (const [how, swap] of Object.entries(swaps)) {
    for (const { on, form, button, ...rest } of ADMIN_FORMS) {
      await writeWithRetry(() => db.user.update({ where: { id: admin.id }, data: { role: "admin" } }));
      await becomeSignedInAs(context, admin.id);
      const opened = await page.goto(`/admin/users/${users[on].id}`);
      expect(opened?.status(), `the admin's page, before ${String(form)}, ${how}`).toBe(200);
      const theForm = page.getByRole("form", { name: form });
      if ("reason" in rest) await theForm.getByLabel("Reason").fill("Taking over");
      await swap();
      const answered = page.waitForResponse((response) => response.request().method() === "POST");
      await theForm.getByRole("button", { name: button }).click();
      expect((await answered).status(), `${String(form)}, ${how}`).toBe(404);
      expect(await stateOf(users.target.id)).toEqual(before.target);
      expect(await stateOf(users.banned.id)).toEqual(before.banned);
      // And the page itself is gone on the next load.
      expect((await page.goto(`/admin/users/${users[on].id}`))?.status()).toBe(404);
    }
  }
  expect(await db.auditEvent.count({ where: { actorId: admin.id } })).toBe(0);
});

test("role=admin added to the user-facing forms leaves the role as it was", async ({ page, login, browser }) => {
  const smuggle = (p: Page) =>
    p.locator("form").evaluateAll((forms) => {
      for (const form of forms) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = "role";
        input.value = "admin";
        form.appendChild(input);
      }
    });
  const user = await login();
  await page.goto("/account");
  await smuggle(page);
  const profile = page.getByRole("form", { name: "Profile" });
  await profile.getByLabel("Name").fill("Now An Admin");
  await profile.getByRole("button", { name: /Save/ }).click();
  await expect(profile.getByText("Saved.")).toBeVisible();

  await page.goto("/orgs/new");
  await smuggle(page);
  const org = page.getByRole("form", { name: "New organization" });
  await org.getByLabel("Name").fill("Smuggled Org");
  await org.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/orgs\/[a-z0-9-]+\?notice=created/);

  const fresh = await browser.newContext();
  const signUp = await fresh.newPage();
  const email = uniqueEmail("smuggler");
  await signUp.goto(`${APP_URL}/sign-up`);
  await smuggle(signUp);
  await signUp.getByLabel("Email").fill(email);
  await signUp.getByLabel("Password").fill("plinth-marigold-quartz-7");
  await signUp.getByRole("button", { name: "Create account" }).click();
  await expect(signUp).toHaveURL(`${APP_URL}/verify-email`);
  await fresh.close();

  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("user");
  expect((await db.user.findUniqueOrThrow({ where: { email } })).role).toBe("user");
  expect((await page.goto("/admin"))?.status()).toBe(404);
});
