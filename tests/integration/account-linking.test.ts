import type { Account } from "next-auth";
import { describe, expect, it } from "vitest";
import { clearUnprovenPassword, decideGitHubSignIn, markVerifiedByGitHub } from "@/server/auth/github-linking";
import { db } from "@/server/db";
import { listOutbox } from "@/server/mail/outbox";
import { createSession } from "@/server/sessions/store";
import { createUser, uniqueEmail } from "../support/users";

let nextGitHubId = Date.now();
function githubAccount(): Account {
  return {
    provider: "github",
    type: "oauth",
    providerAccountId: String(nextGitHubId++),
    access_token: "gho_test",
    token_type: "bearer",
    scope: "read:user,user:email",
  };
}

const NOT_LINKED = "/auth-error?error=OAuthAccountNotLinked";
const UNVERIFIED = "/auth-error?error=GitHubEmailUnverified";
const recently = (userId: string) => ({ userId, sessionId: "s", authenticatedAt: new Date() });

describe("GitHub sign-in and existing accounts", () => {
  it("creates a new account when nobody has the address and GitHub verified it", async () => {
    const decision = await decideGitHubSignIn({
      email: uniqueEmail("new-gh"),
      emailVerifiedByGitHub: true,
      account: githubAccount(),
      signedIn: null,
    });
    expect(decision).toBe(true);
  });

  it("creates nothing for an address GitHub has not verified", async () => {
    const email = uniqueEmail("new-gh-unverified");
    const decision = await decideGitHubSignIn({
      email,
      emailVerifiedByGitHub: false,
      account: githubAccount(),
      signedIn: null,
    });
    expect(decision).toBe(UNVERIFIED);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("links automatically only when GitHub and the account both verified the address; stores no GitHub token; signs out the account's sessions", async () => {
    const user = await createUser({ verified: true });
    await createSession(user.id, "credentials");
    const account = githubAccount();
    expect(await decideGitHubSignIn({ email: user.email, emailVerifiedByGitHub: true, account, signedIn: null })).toBe(
      true,
    );
    const linked = await db.account.findMany({ where: { userId: user.id } });
    expect(linked.map((a) => [a.provider, a.providerAccountId, a.access_token, a.refresh_token])).toEqual([
      ["github", account.providerAccountId, null, null],
    ]);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await listOutbox(500)).filter((m) => m.to === user.email).map((m) => m.subject)).toEqual([
      "A new sign-in method was added to your Gatehouse account",
    ]);
  });

  it("refuses when GitHub has not verified the address", async () => {
    const user = await createUser({ verified: true });
    const decision = await decideGitHubSignIn({
      email: user.email,
      emailVerifiedByGitHub: false,
      account: githubAccount(),
      signedIn: null,
    });
    expect(decision).toBe(UNVERIFIED);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses when the existing account never verified its address", async () => {
    const user = await createUser({ verified: false, password: "someone-picked-this-one" });
    const decision = await decideGitHubSignIn({
      email: user.email,
      emailVerifiedByGitHub: true,
      account: githubAccount(),
      signedIn: null,
    });
    expect(decision).toBe(NOT_LINKED);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets a signed-in user who signed in recently connect a GitHub account with a verified address", async () => {
    const user = await createUser();
    const decision = await decideGitHubSignIn({
      email: uniqueEmail("elsewhere"),
      emailVerifiedByGitHub: true,
      account: githubAccount(),
      signedIn: recently(user.id),
    });
    expect(decision).toBe(true);
  });

  it("a signed-in user can't connect a GitHub account whose address GitHub has not verified", async () => {
    const user = await createUser();
    const decision = await decideGitHubSignIn({
      email: uniqueEmail("elsewhere"),
      emailVerifiedByGitHub: false,
      account: githubAccount(),
      signedIn: recently(user.id),
    });
    expect(decision).toBe(UNVERIFIED);
  });

  it("connecting needs a recent sign-in (step-up), even through Auth.js's own endpoint", async () => {
    const user = await createUser();
    const decision = await decideGitHubSignIn({
      email: uniqueEmail("elsewhere"),
      emailVerifiedByGitHub: true,
      account: githubAccount(),
      signedIn: { userId: user.id, sessionId: "s", authenticatedAt: new Date(Date.now() - 11 * 60_000) },
    });
    expect(decision).toBe("/account?error=StepUpRequired");
  });

  it("marks the address verified when GitHub verified that same address", async () => {
    const user = await createUser({ verified: false });
    await markVerifiedByGitHub(user.id, uniqueEmail("different"));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();
    await markVerifiedByGitHub(user.id, user.email);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).not.toBeNull();
  });
});

describe("pre-registration takeover guard", () => {
  it("clears a password set before the address was proven", async () => {
    const user = await createUser({ verified: false, password: "attacker-chosen-passphrase" });
    await clearUnprovenPassword(user.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });

  it("keeps the password of a verified account", async () => {
    const user = await createUser({ verified: true, password: "owner-chosen-passphrase" });
    await clearUnprovenPassword(user.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).not.toBeNull();
  });
});
