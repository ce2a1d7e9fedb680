import { describe, expect, it } from "vitest";
import { AccountSuspendedError } from "@/server/admin/bans";
import { createAuthAdapter } from "@/server/auth/adapter";
import { db } from "@/server/db";
import { passkeySignInOptions, signInWithPasskey } from "@/server/passkeys/sign-in";
import { signInThisBrowser } from "@/server/sessions/cookie";
import { createSession } from "@/server/sessions/store";
import { generateToken } from "@/server/security/secrets";
import { AuthClient, callbackPathFor, requestMagicLink } from "../support/auth-requests";
import { userWithPasskey } from "../support/passkeys";
import { createUser } from "../support/users";

/**
 * Attack: a suspended user keeps getting in. They try every door they know: the password, a magic
 * link (the 6-digit code goes through the same Auth.js callback, tests/e2e/admin.spec.ts), a
 * passkey, and the links that sign in on their own (password reset, email confirmation), and
 * anything that creates a session directly. Each refuses, and no session row is left. GitHub is
 * tried in tests/e2e/admin.spec.ts against the fake GitHub.
 */
const PASSWORD = "correct horse battery staple";

async function banned(user: { id: string }, until: Date | null = null) {
  await db.user.update({
    where: { id: user.id },
    data: { bannedAt: new Date(), banReason: "test", banExpires: until },
  });
}

describe("a suspended user at every door", () => {
  it("password: the right one says suspended (and only the right one), and signs nobody in", async () => {
    const user = await createUser({ password: PASSWORD });
    await banned(user);
    const client = new AuthClient();
    const right = await client.signInWithPassword(user.email, PASSWORD);
    expect(right.headers.get("location")).toBe(
      "http://localhost:3000/sign-in?error=CredentialsSignin&code=account_suspended",
    );
    const wrong = await new AuthClient().signInWithPassword(user.email, "not the right passphrase");
    expect(wrong.headers.get("location")).toContain("code=invalid_credentials");
    expect(client.sessionCookie()).toBeUndefined();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("magic link: asking is answered as for anyone; using the link is refused, and uses it up", async () => {
    const user = await createUser();
    await banned(user);
    const { link } = await requestMagicLink(user.email);
    const browser = new AuthClient();
    const response = await browser.post(callbackPathFor(link), {});
    expect(response.headers.get("location")).toBe("http://localhost:3000/auth-error?error=AccountSuspended");
    expect(browser.sessionCookie()).toBeUndefined();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: user.email } })).toBe(0);
  });

  it("passkey: a valid assertion is refused with the suspended message", async () => {
    const { user, device } = await userWithPasskey();
    await banned(user);
    expect(await signInWithPasskey(device.getAssertion(await passkeySignInOptions()))).toEqual({
      ok: false,
      reason: "suspended",
    });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("reset and confirmation links (signInThisBrowser) and every direct session write refuse", async () => {
    const user = await createUser();
    await banned(user);
    expect(await signInThisBrowser(user.id, "password-reset")).toBe(false);
    expect(await signInThisBrowser(user.id, "email-verification")).toBe(false);
    await expect(createSession(user.id, "credentials")).rejects.toBeInstanceOf(AccountSuspendedError);
    const adapter = createAuthAdapter();
    await expect(
      adapter.createSession!({
        sessionToken: generateToken(),
        userId: user.id,
        expires: new Date(Date.now() + 60_000),
      }),
    ).rejects.toBeInstanceOf(AccountSuspendedError);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("once the ban has expired, the same password signs in", async () => {
    const user = await createUser({ password: PASSWORD });
    await banned(user, new Date(Date.now() - 1000));
    const client = new AuthClient();
    await client.signInWithPassword(user.email, PASSWORD);
    expect(client.sessionCookie()).toBeTruthy();
  });
});
