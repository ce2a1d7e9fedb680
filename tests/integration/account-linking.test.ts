import type { Account } from "next-auth";
import { describe, expect, it } from "vitest";
import { clearUnprovenPassword, decideGitHubSignIn, markVerifiedByGitHub } from "@/server/account-linking";
import { db } from "@/server/db";
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

describe("GitHub sign-in and existing accounts", () => {
  it("creates a new account when nobody has the address", async () => {
    const decision = await decideGitHubSignIn({
      email: uniqueEmail("new-gh"),
      emailVerifiedByGitHub: false,
      account: githubAccount(),
      signedInUserId: null,
    });
    expect(decision).toBe(true);
  });

  it("links automatically only when GitHub and the account both verified the address", async () => {
    const user = await createUser({ verified: true });
    const account = githubAccount();
    expect(await decideGitHubSignIn({ email: user.email, emailVerifiedByGitHub: true, account, signedInUserId: null })).toBe(true);
    const linked = await db.account.findMany({ where: { userId: user.id } });
    expect(linked.map((a) => [a.provider, a.providerAccountId])).toEqual([["github", account.providerAccountId]]);
  });

  it("refuses when GitHub has not verified the address", async () => {
    const user = await createUser({ verified: true });
    const decision = await decideGitHubSignIn({
      email: user.email,
      emailVerifiedByGitHub: false,
      account: githubAccount(),
      signedInUserId: null,
    });
    expect(decision).toBe(NOT_LINKED);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses when the existing account never verified its address", async () => {
    const user = await createUser({ verified: false, password: "someone-picked-this-one" });
    const decision = await decideGitHubSignIn({
      email: user.email,
      emailVerifiedByGitHub: true,
      account: githubAccount(),
      signedInUserId: null,
    });
    expect(decision).toBe(NOT_LINKED);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets a signed-in user connect GitHub whatever its address", async () => {
    const user = await createUser();
    const decision = await decideGitHubSignIn({
      email: uniqueEmail("elsewhere"),
      emailVerifiedByGitHub: false,
      account: githubAccount(),
      signedInUserId: user.id,
    });
    expect(decision).toBe(true);
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
