import { createAccount } from "./support/accounts";
import { db } from "./support/db";
import { alertWith, signInWithPassword, signOut, STRONG_PASSWORD } from "./support/flows";
import { emailTo, latestEmailTo, linkIn } from "./support/mail";
import { addMember, createOrg, sendInvitation, signedInBrowser } from "./support/orgs";
import { enterSecondFactor, totpCode, turnOnTwoFactor } from "./support/two-factor";
import { expect, test } from "./support/test";
import { APP_URL } from "./env";

test("a user creates an organization, lands on it as owner, and /orgs brings them back to it", async ({
  page,
  login,
}) => {
  await login();
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Your organizations" }).click();
  await expect(page).toHaveURL("/orgs");
  await page.getByRole("link", { name: "New organization" }).click();
  const form = page.getByRole("form", { name: "New organization" });
  // A name that looks like markup is text, in the page and in the header.
  const name = `<a href="https://evil.example">Acme</a> ${Date.now()}`;
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/orgs\/a-href-https-evil-example-acme-a-\d+\?notice=created/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.locator('a[href="https://evil.example"]')).toHaveCount(0);
  await expect(page.getByTestId("org-role")).toHaveText("Owner");
  const slug = new URL(page.url()).pathname.split("/")[2]!;

  await page.goto("/orgs");
  await expect(page).toHaveURL(`/orgs/${slug}`);
  await page.goto("/orgs?all");
  await expect(page.getByRole("list", { name: "Your organizations" }).getByRole("link")).toHaveCount(1);
});

test("a reserved or taken URL is refused with a clear message, and nothing is created", async ({ page, login }) => {
  const user = await login();
  const other = await createAccount();
  const taken = await createOrg(other);
  await page.goto("/orgs/new");
  const form = page.getByRole("form", { name: "New organization" });
  await form.getByLabel("Name").fill("Mine");
  await form.getByLabel("URL").fill("settings");
  await form.getByRole("button", { name: "Create organization" }).click();
  await expect(form.getByText("That name is reserved. Choose another.")).toBeVisible();
  await form.getByLabel("URL").fill(taken.slug.toUpperCase());
  await form.getByRole("button", { name: "Create organization" }).click();
  await expect(form.getByText("That URL is taken. Choose another.")).toBeVisible();
  expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
});

test("an invited person signs in from the invitation, comes back to it, and joins", async ({
  page,
  login,
  browser,
}) => {
  await login({ name: "Grace Hopper" });
  await page.goto("/orgs/new");
  const form = page.getByRole("form", { name: "New organization" });
  await form.getByLabel("Name").fill("Analytical Engines");
  const slug = `engines-${Date.now()}`;
  await form.getByLabel("URL").fill(slug);
  await form.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}?notice=created`);

  const invitee = await createAccount({ name: "Ada" });
  await page.goto(`/orgs/${slug}/invitations`);
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email address").fill(invitee.email);
  await invite.getByLabel("Role").selectOption("admin");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(alertWith(page, "Invitation sent.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText(invitee.email);

  const email = await latestEmailTo(invitee.email);
  expect(email.subject).toBe("You're invited to join Analytical Engines on Gatehouse");
  const link = linkIn(email, APP_URL);
  const token = link.split("/invite/")[1]!;
  // The admin's page never shows the token.
  expect(await page.content()).not.toContain(token);

  const { context, page: theirs } = await (async () => {
    const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" } });
    return { context: ctx, page: await ctx.newPage() };
  })();
  await theirs.goto(link);
  // The token leaves the address bar at once.
  await expect(theirs).toHaveURL(`${APP_URL}/invite`);
  await expect(theirs.getByRole("heading", { name: "Join Analytical Engines" })).toBeVisible();
  await expect(theirs.getByText("Grace Hopper invited you")).toBeVisible();
  await expect(theirs.getByText(`${invitee.email[0]}***@`)).toBeVisible();
  await expect(theirs.getByText(invitee.email)).toHaveCount(0);

  await theirs.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await signInWithPassword(theirs, invitee.email);
  await expect(theirs).toHaveURL(`${APP_URL}/invite`);
  await theirs.getByRole("button", { name: "Accept" }).click();
  await expect(theirs).toHaveURL(`${APP_URL}/orgs/${slug}?notice=joined`);
  await expect(theirs.getByTestId("org-role")).toHaveText("Admin");

  // The link is used up.
  await theirs.goto(link);
  await expect(theirs.getByRole("heading", { name: "This invitation was already accepted" })).toBeVisible();
  await context.close();
});

test("signed in as someone else, the invitation says so and offers to sign out", async ({ page, login }) => {
  const owner = await createAccount();
  const org = await createOrg(owner, "Difference Engines");
  const { account: admin } = await addMember(org.id, "admin");
  const other = await login();
  // The admin invites someone; the link reaches another signed-in person.
  const invitee = `invitee-${Date.now()}@example.com`;
  await sendInvitation(page.context().browser()!, admin, org, invitee);

  await page.goto(linkIn(await latestEmailTo(invitee), APP_URL));
  await expect(alertWith(page, `You are signed in as ${other.email}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign out" }).first()).toBeVisible();
});

test("an owner changes a role and removes a member; the removed member's next request is refused", async ({
  page,
  login,
  browser,
}) => {
  const owner = await login();
  const org = await createOrg(owner, "Babbage & Co");
  const { account: member, membershipId } = await addMember(org.id, "member", "Charles");
  const them = await signedInBrowser(browser, member);
  await them.page.goto(`/orgs/${org.slug}/members`);
  await expect(them.page.getByRole("list", { name: "Members" })).toContainText("Charles");

  await page.goto(`/orgs/${org.slug}/members`);
  const row = page.getByRole("form", { name: "Role of Charles" });
  await row.getByLabel("Role").selectOption("admin");
  await row.getByRole("button", { name: "Change" }).click();
  await expect(alertWith(page, "The role was changed.")).toBeVisible();
  await emailTo(member.email, "Your role in Babbage & Co on Gatehouse changed");
  expect((await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).role).toBe("admin");

  await page.getByRole("form", { name: "Remove Charles" }).getByRole("button", { name: "Remove" }).click();
  await expect(alertWith(page, "They were removed")).toBeVisible();
  await emailTo(member.email, "You were removed from Babbage & Co on Gatehouse");

  const response = await them.page.reload();
  expect(response?.status()).toBe(404);
  await them.context.close();
});

test("the last owner can't leave; transferring ownership asks them to confirm it's them", async ({ page, login }) => {
  const owner = await login();
  const org = await createOrg(owner, "Jacquard Looms");
  await addMember(org.id, "member", "Joseph");
  await page.goto(`/orgs/${org.slug}/members`);
  await page.getByRole("button", { name: "Leave" }).click();
  await expect(alertWith(page, "The organization needs at least one owner")).toBeVisible();

  await db.session.updateMany({
    where: { userId: owner.id },
    data: { authenticatedAt: new Date(Date.now() - 60 * 60 * 1000) },
  });
  await page.goto(`/orgs/${org.slug}/settings`);
  await page.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(page).toHaveURL(/\/account\/reauthenticate\?callbackUrl=/);
  expect((await db.membership.findFirstOrThrow({ where: { organizationId: org.id, userId: owner.id } })).role).toBe(
    "owner",
  );
});

test("someone new signs up from the invitation with the address filled in, confirms it, and joins", async ({
  page,
  browser,
}) => {
  const owner = await createAccount();
  const org = await createOrg(owner, "Lovelace Labs");
  const { account: admin } = await addMember(org.id, "admin", "Ada");
  const invitee = `newcomer-${Date.now()}@example.com`;
  await sendInvitation(browser, admin, org, invitee);

  await page.goto(linkIn(await latestEmailTo(invitee), APP_URL));
  await page.getByRole("link", { name: "Create an account" }).click();
  // The address comes from the invitation (never from the URL).
  await expect(page).toHaveURL("/sign-up?callbackUrl=%2Finvite");
  await expect(page.getByLabel("Email")).toHaveValue(invitee);
  await page.getByLabel("Password").fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/verify-email");
  await page.goto(linkIn(await emailTo(invitee, "Confirm your email for Gatehouse"), APP_URL));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page).toHaveURL("/invite");
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(`/orgs/${org.slug}?notice=joined`);
  await expect(page.getByTestId("org-role")).toHaveText("Member");
});

test("an invited person with two-factor on signs in, passes the second step, and comes back to the invitation", async ({
  page,
  login,
  browser,
}) => {
  const owner = await createAccount();
  const org = await createOrg(owner, "Babbage & Co");
  const invitee = await login({ name: "Ada" });
  const { secret } = await turnOnTwoFactor(page);
  await signOut(page);
  await sendInvitation(browser, owner, org, invitee.email);

  await page.goto(linkIn(await latestEmailTo(invitee.email), APP_URL));
  await expect(page).toHaveURL("/invite");
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await signInWithPassword(page, invitee.email);
  // The second step keeps the way back to the invitation.
  await enterSecondFactor(page, totpCode(secret, 1));
  await expect(page).toHaveURL("/invite");
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(`/orgs/${org.slug}?notice=joined`);
  await expect(page.getByTestId("org-role")).toHaveText("Member");
});
