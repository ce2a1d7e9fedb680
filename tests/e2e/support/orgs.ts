import { expect, type Browser } from "@playwright/test";
import { alertWith } from "./flows";
import { randomBytes } from "node:crypto";
import { randomIp } from "../../support/random";
import { APP_URL } from "../env";
import { createAccount, createSessionToken, type TestAccount } from "./accounts";
import { db, writeWithRetry } from "./db";

/** An organization written straight into the database, with `owner` as its owner. */
export async function createOrg(owner: { id: string }, name = "Acme") {
  const slug = `org-${randomBytes(4).toString("hex")}`;
  return writeWithRetry(() =>
    db.organization.create({
      data: { name, slug, memberships: { create: { userId: owner.id, role: "owner" } } },
      select: { id: true, slug: true, name: true },
    }),
  );
}

/** A new account that is a member of the organization with `role`; returns its membership id too. */
export async function addMember(organizationId: string, role: "member" | "admin" | "owner", name?: string) {
  const account = await createAccount({ name: name ?? `${role} person` });
  const membership = await writeWithRetry(() =>
    db.membership.create({ data: { organizationId, userId: account.id, role }, select: { id: true } }),
  );
  return { account, membershipId: membership.id };
}

/** Another person, in a browser of their own, signed in as `account`. */
export async function signedInBrowser(browser: Browser, account: TestAccount) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const token = await createSessionToken(account.id);
  await context.addCookies([{ name: "authjs.session-token", value: token, url: APP_URL }]);
  return { context, page: await context.newPage() };
}

/** `inviter` (an admin or owner of `org`) invites `email` from the invitations page, in a browser of their own. */
export async function sendInvitation(browser: Browser, inviter: TestAccount, org: { slug: string }, email: string) {
  const { context, page } = await signedInBrowser(browser, inviter);
  await page.goto(`/orgs/${org.slug}/invitations`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(alertWith(page, "Invitation sent.")).toBeVisible();
  await context.close();
}

export async function rolesIn(organizationId: string): Promise<string[]> {
  const memberships = await db.membership.findMany({ where: { organizationId }, select: { userId: true, role: true } });
  return memberships.map((m) => `${m.userId}:${m.role}`).sort();
}
