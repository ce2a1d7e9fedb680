import type { Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { APP_URL } from "../e2e/env";
import { createAccount } from "../e2e/support/accounts";
import { db, writeWithRetry } from "../e2e/support/db";
import { alertWith } from "../e2e/support/flows";
import { latestEmailTo, linkIn } from "../e2e/support/mail";
import { addMember, createOrg, rolesIn, signedInBrowser } from "../e2e/support/orgs";
import { expect, test } from "../e2e/support/test";

/**
 * Attack: reach another organization (IDOR). The attacker owns organization A, so every org form is
 * on their pages, and knows B's slug and B's ids (membership, invitation). They replay each page and
 * each action against B: with B's slug in the URL the action is posted to, and with B's ids in the
 * hidden fields of A's forms. Every page answers 404, every action changes nothing in B. Seen in
 * starters: actions that took the team id from the body, deletes by id across teams.
 */

async function stateOf(organizationId: string) {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, slug: true, invitations: { select: { id: true, status: true, tokenHash: true } } },
  });
  return { ...org, roles: await rolesIn(organizationId) };
}

/** The victim organization B: an owner, a member and a pending invitation. */
async function victim() {
  const owner = await createAccount({ name: "Victim owner" });
  const org = await createOrg(owner, "Victim Corp");
  const { membershipId } = await addMember(org.id, "member", "Victim member");
  const invitation = await writeWithRetry(() =>
    db.invitation.create({
      data: {
        organizationId: org.id,
        email: `victim-invitee-${Date.now()}@example.com`,
        role: "member",
        tokenHash: createHash("sha256").update(`t-${Math.random()}`).digest("hex"),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
      select: { id: true },
    }),
  );
  const ownerMembership = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, userId: owner.id } });
  return { org, membershipId, ownerMembershipId: ownerMembership.id, invitationId: invitation.id };
}

/** Sets a hidden field of every form on the page that has it. */
async function plant(page: Page, name: string, value: string) {
  await page.locator(`input[type="hidden"][name="${name}"]`).evaluateAll((inputs, v) => {
    for (const input of inputs) (input as HTMLInputElement).value = v;
  }, value);
}

/** From now on, the page's POSTs to A's org pages go to the same page of B. */
async function redirectPostsTo(page: Page, fromSlug: string, toSlug: string) {
  await page.route(`**/orgs/${fromSlug}**`, (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    return route.continue({ url: request.url().replace(`/orgs/${fromSlug}`, `/orgs/${toSlug}`) });
  });
}

test("a member of A gets 404 on every page of B, with nothing of B in the body", async ({ page, login }) => {
  const attacker = await login();
  await createOrg(attacker, "Attacker Org");
  const b = await victim();
  for (const path of ["", "/members", "/invitations", "/audit", "/settings"]) {
    const response = await page.goto(`/orgs/${b.org.slug}${path}`);
    expect(response?.status(), path).toBe(404);
    expect(await page.content()).not.toContain("Victim");
  }
  // A slug that does not exist answers the same.
  expect((await page.goto("/orgs/no-such-org-here"))?.status()).toBe(404);
});

test("B's ids in the hidden fields of A's forms change nothing in B", async ({ page, login }) => {
  const attacker = await login();
  const a = await createOrg(attacker, "Attacker Org");
  await addMember(a.id, "member", "Attacker member");
  const b = await victim();
  const before = await stateOf(b.org.id);

  await page.goto(`/orgs/${a.slug}/members`);
  await plant(page, "membershipId", b.membershipId);
  await page.getByRole("form", { name: "Role of Attacker member" }).getByLabel("Role").selectOption("owner");
  await page.getByRole("form", { name: "Role of Attacker member" }).getByRole("button", { name: "Change" }).click();
  await expect(alertWith(page, "no longer a member")).toBeVisible();
  await plant(page, "membershipId", b.membershipId);
  await page.getByRole("form", { name: "Remove Attacker member" }).getByRole("button", { name: "Remove" }).click();
  await expect(alertWith(page, "no longer a member").first()).toBeVisible();

  await page.goto(`/orgs/${a.slug}/settings`);
  await page
    .locator("select[name=membershipId] option")
    .first()
    .evaluate((o, v) => {
      (o as HTMLOptionElement).value = v;
    }, b.ownerMembershipId);
  await page.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(alertWith(page, "no longer a member")).toBeVisible();

  expect(await stateOf(b.org.id)).toEqual(before);
});

test("every action of A posted to B's URL (with B's ids) changes nothing in B", async ({ page, login }) => {
  const attacker = await login();
  const a = await createOrg(attacker, "Attacker Org");
  await addMember(a.id, "member", "Attacker member");
  const b = await victim();
  const before = await stateOf(b.org.id);
  await redirectPostsTo(page, a.slug, b.org.slug);
  const refused = () => expect(alertWith(page, "you are no longer a member").first()).toBeVisible();

  await page.goto(`/orgs/${a.slug}/members`);
  await plant(page, "membershipId", b.membershipId);
  await page.getByRole("form", { name: "Role of Attacker member" }).getByRole("button", { name: "Change" }).click();
  await refused();
  await plant(page, "membershipId", b.membershipId);
  await page.getByRole("form", { name: "Remove Attacker member" }).getByRole("button", { name: "Remove" }).click();
  await refused();
  await page.goto(`/orgs/${a.slug}/members`);
  await page.getByRole("button", { name: "Leave" }).click();
  await refused();

  await page.goto(`/orgs/${a.slug}/invitations`);
  await page.getByLabel("Email address").fill(`planted-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await refused();

  await page.goto(`/orgs/${a.slug}/settings`);
  await page.getByRole("form", { name: "Rename" }).getByLabel("Name").fill("Owned by the attacker");
  await page.getByRole("button", { name: "Rename" }).click();
  await refused();
  await page.goto(`/orgs/${a.slug}/settings`);
  await page.getByRole("form", { name: "Change URL" }).getByLabel("URL").fill(`hijacked-${Date.now()}`);
  await page.getByRole("button", { name: "Change URL" }).click();
  await refused();
  await page.goto(`/orgs/${a.slug}/settings`);
  await page.getByLabel(`Type ${a.slug} to confirm`).fill(b.org.slug);
  await page.getByRole("button", { name: "Delete this organization" }).click();
  await refused();

  expect(await stateOf(b.org.id)).toEqual(before);
  // A is untouched too: every POST went to B.
  expect(await db.organization.count({ where: { id: a.id } })).toBe(1);
});

test("B's invitation ids on A's invitations page can't resend or revoke B's invitations", async ({ page, login }) => {
  const attacker = await login();
  const a = await createOrg(attacker, "Attacker Org");
  const b = await victim();
  const before = await stateOf(b.org.id);
  await page.goto(`/orgs/${a.slug}/invitations`);
  await page.getByLabel("Email address").fill(`friend-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(alertWith(page, "Invitation sent.")).toBeVisible();
  for (const button of ["Resend", "Revoke"]) {
    await plant(page, "invitationId", b.invitationId);
    await page.getByRole("button", { name: button }).click();
    await expect(alertWith(page, "no longer pending").first()).toBeVisible();
    await page.reload();
  }
  expect(await stateOf(b.org.id)).toEqual(before);
});

test("someone else's invitation link, forced into an Accept of one's own, is refused", async ({
  page,
  login,
  browser,
}) => {
  // The victim's organization invites someone; the attacker has the link (forwarded, leaked).
  const owner = await createAccount();
  const b = await createOrg(owner, "Victim Corp");
  const { account: admin } = await addMember(b.id, "admin");
  const invitee = `victim-invitee-${Date.now()}@example.com`;
  const adminBrowser = await signedInBrowser(browser, admin);
  await adminBrowser.page.goto(`/orgs/${b.slug}/invitations`);
  await adminBrowser.page.getByLabel("Email address").fill(invitee);
  await adminBrowser.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(alertWith(adminBrowser.page, "Invitation sent.")).toBeVisible();
  await adminBrowser.context.close();
  const stolen = linkIn(await latestEmailTo(invitee), APP_URL);

  // The attacker invites themself to their own organization, to get a page with an Accept button…
  const attacker = await login();
  const a = await createOrg(attacker, "Attacker Org");
  await page.goto(`/orgs/${a.slug}/invitations`);
  const self = await createAccount();
  await page.getByLabel("Email address").fill(self.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(alertWith(page, "Invitation sent.")).toBeVisible();
  const own = await signedInBrowser(browser, self);
  await own.page.goto(linkIn(await latestEmailTo(self.email), APP_URL));
  await expect(own.page.getByRole("button", { name: "Accept" })).toBeVisible();
  // …then swaps in the stolen token (the cookie /invite/<token> sets) and presses Accept.
  const swap = await own.context.newPage();
  await swap.goto(stolen);
  await swap.close();
  await own.page.getByRole("button", { name: "Accept" }).click();
  await expect(alertWith(own.page, "This invitation is for another email address")).toBeVisible();
  expect(await db.membership.count({ where: { organizationId: b.id, userId: self.id } })).toBe(0);
  expect((await db.invitation.findFirstOrThrow({ where: { email: invitee } })).status).toBe("pending");
  await own.context.close();
});
