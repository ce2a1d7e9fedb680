import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { db, writeWithRetry } from "./support/db";
import { alertWith, signOut } from "./support/flows";
import { emailTo } from "./support/mail";
import { expect, test } from "./support/test";

/**
 * Chromium's virtual authenticator (DevTools protocol): a platform passkey provider that keeps
 * discoverable credentials, verifies its user and answers at once, as a phone or laptop would.
 */
async function useVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

/** A passkey row as if added earlier (its key is never used: these tests only remove it). */
async function seedPasskey(userId: string, name: string) {
  await writeWithRetry(() =>
    db.passkey.create({
      data: {
        userId,
        name,
        credentialId: randomBytes(16).toString("base64url"),
        publicKey: randomBytes(77),
        deviceType: "multiDevice",
        backedUp: true,
      },
    }),
  );
}

test("add a passkey, rename it, then sign in with it from the autofill and with the button", async ({
  page,
  login,
}) => {
  await useVirtualAuthenticator(page);
  const { email } = await login();

  await page.goto("/account/passkeys");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(alertWith(page, "Passkey added")).toBeVisible();
  const passkey = page.getByRole("list", { name: "Passkeys" }).getByRole("listitem");
  await expect(passkey).toHaveCount(1);
  await expect(passkey).toContainText("last used never");
  await emailTo(email, "A passkey was added to your Gatehouse account");

  await passkey.getByLabel("Name", { exact: true }).fill("Work laptop");
  await passkey.getByRole("button", { name: "Save" }).click();
  await expect(passkey.getByTestId("passkey-name")).toHaveText("Work laptop");

  // The autofill: the page asks quietly, and the virtual authenticator answers as if the passkey
  // had been picked from the email field's suggestions.
  await signOut(page);
  await page.goto("/sign-in");
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
  await expect(page.getByTestId("signed-in-method")).toHaveText("a passkey");

  // The button, in a browser without the autofill.
  await signOut(page);
  await page.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
  });
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("signed-in-method")).toHaveText("a passkey");
  expect(await db.passkey.findFirstOrThrow({ where: { user: { email } } })).toMatchObject({
    lastUsedAt: expect.any(Date) as Date,
  });

  // Gone from the account (removed on another device), still on this one: refused, kindly.
  await writeWithRetry(() => db.passkey.deleteMany({ where: { user: { email } } }));
  await signOut(page);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(alertWith(page, "We don't recognise that passkey")).toBeVisible();
  await expect(page).toHaveURL("/sign-in");
});

test("adding or removing a passkey long after signing in asks to confirm it's you first", async ({ page, login }) => {
  const { id } = await login();
  await seedPasskey(id, "Old phone");
  await writeWithRetry(() =>
    db.session.updateMany({ where: { userId: id }, data: { authenticatedAt: new Date(Date.now() - 11 * 60_000) } }),
  );

  await page.goto("/account/passkeys");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page).toHaveURL(/\/account\/reauthenticate\?callbackUrl=%2Faccount%2Fpasskeys/);
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();

  await page.goto("/account/passkeys");
  await page.getByRole("form", { name: "Remove Old phone" }).getByRole("button", { name: "Remove" }).click();
  await expect(page).toHaveURL(/\/account\/reauthenticate\?callbackUrl=%2Faccount%2Fpasskeys/);
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  expect(await db.passkey.count({ where: { userId: id } })).toBe(1);
});

test("the only way in can't be removed; with another passkey, one can", async ({ page, login }) => {
  // No password, no confirmed email, no GitHub: passkeys are this account's only way in.
  const { id, email } = await login({ password: null, verified: false });
  await seedPasskey(id, "Phone");

  await page.goto("/account/passkeys");
  await page.getByRole("form", { name: "Remove Phone" }).getByRole("button", { name: "Remove" }).click();
  await expect(alertWith(page, "This passkey is your only way to sign in")).toBeVisible();
  expect(await db.passkey.count({ where: { userId: id } })).toBe(1);

  await seedPasskey(id, "Laptop");
  await page.goto("/account/passkeys");
  await page.getByRole("form", { name: "Remove Phone" }).getByRole("button", { name: "Remove" }).click();
  await expect(page).toHaveURL("/account/passkeys?notice=removed");
  await expect(page.getByTestId("passkey-name")).toHaveText(["Laptop"]);
  await emailTo(email, "A passkey was removed from your Gatehouse account");
});
