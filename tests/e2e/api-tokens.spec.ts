import { randomInt } from "node:crypto";
import { crc32 } from "node:zlib";
import type { Page } from "@playwright/test";
import { randomIp } from "../support/random";
import { ageSignIn } from "./support/accounts";
import { db } from "./support/db";
import { emailTo } from "./support/mail";
import { createOrg } from "./support/orgs";
import { expect, test } from "./support/test";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A token nobody made, in the right shape with a right checksum (src/server/api-tokens/format.ts),
 * so the API has to look it up to refuse it.
 */
function madeUpToken(): string {
  const random = Array.from({ length: 30 }, () => BASE62[randomInt(62)]).join("");
  let value = crc32(random);
  let checksum = "";
  for (let i = 0; i < 6; i++) {
    checksum = BASE62[value % 62] + checksum;
    value = Math.floor(value / 62);
  }
  return `gth_pat_${random}${checksum}`;
}

/** Fills in "Create an API token", presses the button and waits for the answer. */
async function createToken(page: Page, { name, scopes }: { name: string; scopes: string[] }) {
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  for (const scope of scopes) await form.getByRole("checkbox", { name: scope }).check();
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await form.getByRole("button", { name: "Create token" }).click();
  await answered;
  // React resets the form when the action's transition ends: the next try starts from a settled form.
  await expect(form.getByRole("button", { name: "Creating…" })).toHaveCount(0);
  return form;
}

test("create a token, copy it once, call the API with it, see it used, revoke it", async ({
  page,
  context,
  login,
  request,
}) => {
  const { id, email } = await login();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/account/api-tokens");
  await expect(page.getByRole("main")).toContainText("You have no API tokens.");

  await createToken(page, { name: "Deploy script", scopes: ["profile:read"] });
  const shown = page
    .getByRole("main")
    .getByRole("status")
    .filter({ has: page.getByTestId("new-api-token") });
  await expect(shown).toContainText("this is the only time it is shown");
  await shown.getByRole("button", { name: "Copy" }).click();
  await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
  const token = await page.evaluate(() => navigator.clipboard.readText());
  expect(token).toMatch(/^gth_pat_[0-9A-Za-z]{36}$/);
  await expect(page.getByTestId("new-api-token")).toHaveText(token);

  const row = page.getByRole("list", { name: "API tokens" }).getByRole("listitem");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("api-token-name")).toHaveText("Deploy script");
  await expect(row).toContainText(`…${token.slice(-4)}`);
  await expect(row).toContainText("last used never");
  await emailTo(email, "A new API token was created for your Gatehouse account");

  // A script, with the token and no cookie, from an address of its own.
  const script = { authorization: `Bearer ${token}`, "x-forwarded-for": randomIp() };
  const me = await request.get("/api/v1/me", { headers: script });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ user: { id, email } });
  // Only the scopes it was given.
  const orgs = await request.get("/api/v1/orgs", { headers: script });
  expect(orgs.status()).toBe(403);
  expect(await orgs.json()).toMatchObject({ error: "insufficient_scope", scope: "orgs:read" });

  // Shown once: never again, but the list tells it apart and says when and where it was used.
  await page.reload();
  await expect(row.getByTestId("api-token-name")).toHaveText("Deploy script");
  await expect(page.getByTestId("new-api-token")).toHaveCount(0);
  await expect(page.getByRole("main")).not.toContainText(token);
  await expect(row).toContainText(`…${token.slice(-4)}`);
  await expect(row).toContainText("profile:read");
  await expect(row).toContainText(new RegExp(`last used .+ from ${script["x-forwarded-for"].replaceAll(".", "\\.")}`));
  await expect(row).not.toContainText("last used never");

  await page.getByRole("form", { name: "Revoke Deploy script" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page).toHaveURL("/account/api-tokens?notice=revoked");
  await expect(page.getByRole("main")).toContainText("Token revoked. It no longer works.");
  await expect(page.getByRole("main")).toContainText("You have no API tokens.");
  await emailTo(email, "An API token was revoked on your Gatehouse account");
  expect(await db.apiToken.count({ where: { userId: id } })).toBe(0);

  // Revoked, it opens nothing, in the very words a token nobody ever made gets.
  const revoked = await request.get("/api/v1/me", { headers: script });
  const madeUp = await request.get("/api/v1/me", { headers: { ...script, authorization: `Bearer ${madeUpToken()}` } });
  expect(revoked.status()).toBe(401);
  expect(madeUp.status()).toBe(401);
  expect(await revoked.json()).toEqual(await madeUp.json());
  expect(await revoked.json()).toMatchObject({ error: "invalid_token" });
  expect(revoked.headers()["www-authenticate"]).toBe(madeUp.headers()["www-authenticate"]);

  await page.goto("/account/security");
  const events = page.getByRole("list", { name: "Security events" }).getByRole("listitem");
  await expect(events.first()).toContainText("API token revoked (Deploy script)");
  await expect(events.filter({ hasText: "API token created (Deploy script)" })).toHaveCount(1);
});

test("a token without scopes, a name or an expiry date is not made, and the form says why", async ({ page, login }) => {
  const { id } = await login();
  await page.goto("/account/api-tokens");
  const main = page.getByRole("main");

  const form = await createToken(page, { name: "Deploy script", scopes: [] });
  await expect(form).toContainText("Choose at least one scope.");

  await createToken(page, { name: "   ", scopes: ["profile:read"] });
  await expect(form.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(
    /Give the token a name, such as where it will be used\./,
  );

  await form.getByLabel("Expires").selectOption({ label: "On the date below" });
  await createToken(page, { name: "Nightly backup", scopes: ["profile:read"] });
  await expect(form.getByLabel("Expiry date")).toHaveAccessibleDescription(/Enter the date the token expires\./);

  await expect(main.getByTestId("new-api-token")).toHaveCount(0);
  await expect(main).toContainText("You have no API tokens.");
  expect(await db.apiToken.count({ where: { userId: id } })).toBe(0);
  expect(await db.securityEvent.count({ where: { userId: id, type: "api-token-created" } })).toBe(0);
});

test("a token for one organization lists only that organization", async ({ page, login, request }) => {
  const account = await login();
  const acme = await createOrg(account, "Acme");
  const other = await createOrg(account, "Other Org");
  await page.goto("/account/api-tokens");

  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Acts for").selectOption({ label: "Acme only" });
  await form.getByLabel("Expires").selectOption({ label: "In 7 days" });
  // A mistake keeps every choice made: fixing the name must not turn it into a token for everything.
  await createToken(page, { name: "", scopes: ["orgs:read"] });
  await expect(form.getByLabel("Acts for")).toHaveValue(acme.slug);
  await expect(form.getByLabel("Expires")).toHaveValue("7");
  await expect(form.getByRole("checkbox", { name: "orgs:read" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "profile:read" })).not.toBeChecked();
  await createToken(page, { name: "Acme reporting", scopes: [] });
  const token = await page.getByTestId("new-api-token").innerText();
  await expect(page.getByRole("list", { name: "API tokens" }).getByRole("listitem")).toContainText("Acme only");

  const headers = { authorization: `Bearer ${token}` };
  const orgs = await request.get("/api/v1/orgs", { headers });
  expect(orgs.status()).toBe(200);
  expect(await orgs.json()).toEqual({ organizations: [{ id: acme.id, name: "Acme", slug: acme.slug, role: "owner" }] });
  expect((await request.get(`/api/v1/orgs/${acme.slug}`, { headers })).status()).toBe(200);
  expect((await request.get(`/api/v1/orgs/${other.slug}`, { headers })).status()).toBe(404);
});

test("creating a token long after signing in asks to confirm it's you first", async ({ page, login }) => {
  const { id, email } = await login();
  await ageSignIn(email, 11);

  await page.goto("/account/api-tokens");
  await createToken(page, { name: "Deploy script", scopes: ["profile:read"] });
  await expect(page).toHaveURL(/\/account\/reauthenticate\?callbackUrl=%2Faccount%2Fapi-tokens/);
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  expect(await db.apiToken.count({ where: { userId: id } })).toBe(0);
});
