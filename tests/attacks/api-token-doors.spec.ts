import type { Page } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import { APP_URL } from "../e2e/env";
import { createAccount, createSessionToken } from "../e2e/support/accounts";
import { db, writeWithRetry } from "../e2e/support/db";
import { alertWith } from "../e2e/support/flows";
import { expect, test } from "../e2e/support/test";

/**
 * Attack: use an API token, or the token page, for more than it is for.
 * - A stolen API token tried as a session: on pages, on the session's own API routes, on
 *   /api/token (to turn it into a service token), in the query string. And the reverse: a session
 *   cookie on /api/v1, which answers to tokens only.
 * - The token page's forms replayed with another user's ids: revoking someone else's token by its
 *   id (BoxyHQ's delete-by-id across teams, fixed in #1366), and making a token for someone else
 *   with their `userId` added to the form (better-auth, CVE-2025-61928).
 * - A support session (an admin seeing the app as the user) making a token or a service token.
 */

async function createTokenInPage(page: Page, name: string): Promise<string> {
  await page.goto("/account/api-tokens");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByRole("checkbox", { name: /profile:read/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-api-token");
  await expect(shown).toBeVisible();
  return (await shown.textContent())!.trim();
}

test("a stolen API token opens no page, no session route and no service token; a session cookie opens nothing on /api/v1", async ({
  page,
  login,
  playwright,
}) => {
  const account = await login();
  const token = await createTokenInPage(page, "Stolen");
  const bearer = { authorization: `Bearer ${token}`, "x-forwarded-for": `10.77.${Date.now() % 250}.1` };
  // A client with the token and no cookie at all.
  const thief = await playwright.request.newContext({ baseURL: APP_URL });

  const accountPage = await thief.get("/account", { headers: bearer, maxRedirects: 0 });
  expect(accountPage.status()).toBe(307);
  expect(accountPage.headers().location).toContain("/sign-in");
  const action = await thief.post("/account/api-tokens", {
    headers: { ...bearer, origin: APP_URL, "content-type": "application/x-www-form-urlencoded" },
    data: "name=Another&scope%3Aprofile%3Aread=on&expiresIn=30",
    maxRedirects: 0,
  });
  expect(action.status()).toBe(307);
  expect((await thief.get("/api/protected/me", { headers: bearer })).status()).toBe(401);
  const service = await thief.post("/api/token", {
    headers: { ...bearer, origin: APP_URL, "content-type": "application/json" },
    data: { audience: "orders-api" },
  });
  expect(service.status()).toBe(401);
  expect((await thief.get(`/api/v1/me?access_token=${token}`)).status()).toBe(401);
  // The token itself still works where it belongs.
  const me = await thief.get("/api/v1/me", { headers: bearer });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ user: { email: account.email } });
  await thief.dispose();

  // The signed-in browser's cookie, on the token API: nothing.
  const withCookie = await page.request.get("/api/v1/me");
  expect(withCookie.status()).toBe(401);
  expect(await withCookie.json()).toMatchObject({ error: "invalid_token" });
  expect(await db.apiToken.count({ where: { userId: account.id } })).toBe(1);
});

test("another user's token can't be revoked by its id, nor a token made for them with their userId in the form", async ({
  page,
  login,
}) => {
  const attacker = await login();
  const victim = await createAccount({ name: "Victim" });
  const victimToken = await writeWithRetry(() =>
    db.apiToken.create({
      data: {
        userId: victim.id,
        name: "Victim's CI",
        tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        lastFour: "abcd",
        scopes: "profile:read",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    }),
  );

  await createTokenInPage(page, "Mine");
  await page.reload();
  // The attacker's own Revoke form, with the victim's token id in its hidden field.
  const revoke = page.getByRole("form", { name: "Revoke Mine" });
  await revoke
    .locator('input[name="tokenId"]')
    .evaluate((input, id) => ((input as HTMLInputElement).value = id), victimToken.id);
  await revoke.getByRole("button", { name: "Revoke" }).click();
  await expect(alertWith(page, "That token was already revoked.")).toBeVisible();
  expect(await db.apiToken.findUnique({ where: { id: victimToken.id } })).not.toBeNull();

  // The create form with the victim's id added, under every name an owner might be read from.
  await page.goto("/account/api-tokens");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.evaluate((element, id) => {
    for (const name of ["userId", "ownerId", "user"]) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = id;
      element.appendChild(input);
    }
  }, victim.id);
  await form.getByLabel("Name", { exact: true }).fill("Planted");
  await form.getByRole("checkbox", { name: /profile:read/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-api-token")).toBeVisible();
  const planted = await db.apiToken.findFirstOrThrow({
    where: { name: "Planted", userId: { in: [attacker.id, victim.id] } },
  });
  expect(planted.userId).toBe(attacker.id);
  expect(await db.apiToken.count({ where: { userId: victim.id } })).toBe(1);
  expect(await db.securityEvent.count({ where: { userId: victim.id } })).toBe(0);
});

test("a support session makes no API token and gets no service token", async ({ browser }) => {
  const admin = await createAccount({ role: "admin" });
  const user = await createAccount();
  const cookie = await createSessionToken(user.id);
  // The session support access makes (src/server/admin/support-access.ts): the user's, naming its
  // admin, never recently authenticated.
  await writeWithRetry(() =>
    db.session.updateMany({
      where: { sessionToken: createHash("sha256").update(cookie).digest("hex") },
      data: { impersonatorId: admin.id, authenticatedAt: new Date(0) },
    }),
  );
  const context = await browser.newContext();
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `10.78.${Date.now() % 250}.1` });
  await context.addCookies([{ name: "authjs.session-token", value: cookie, url: APP_URL }]);
  const page = await context.newPage();

  // The page is closed to it (middleware sends it to /support-access) ...
  await page.goto("/account/api-tokens");
  await expect(page).toHaveURL(/\/support-access$/);
  // ... and a service token is refused in words.
  await page.goto("/dashboard");
  const answer = await page.evaluate(async () => {
    const response = await fetch("/api/token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ audience: "orders-api" }),
    });
    return { status: response.status, body: (await response.json()) as { error: string } };
  });
  expect(answer).toEqual({ status: 403, body: expect.objectContaining({ error: "support_access" }) });
  expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(0);
  await context.close();
});

test("an API body over 16 KiB (a PATCH as much as a POST) is refused before the token or the body is read", async ({
  request,
}) => {
  const response = await request.patch("/api/v1/orgs/acme", {
    headers: { authorization: "Bearer gth_pat_anything", "content-type": "application/json" },
    data: JSON.stringify({ name: "x".repeat(20_000) }),
  });
  expect(response.status()).toBe(413);
});
