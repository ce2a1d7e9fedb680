import { describe, expect, it } from "vitest";
import { storedVerificationToken } from "@/server/auth/sign-in-secrets";
import { db } from "@/server/db";
import { hashCode, hashToken } from "@/server/security/secrets";
import { AuthClient, callbackPathFor, requestMagicLink } from "../support/auth-requests";
import { uniqueEmail } from "../support/users";

const APP = "http://localhost:3000";

describe("asking for a magic link", () => {
  it("emails a 256-bit link token and a separate 6-digit code, and stores only hashes of both", async () => {
    const email = uniqueEmail("token-store");
    const { link, code } = await requestMagicLink(email);
    expect(link.origin + link.pathname).toBe(`${APP}/sign-in/confirm`);
    const token = link.searchParams.get("token")!;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(code).toMatch(/^\d{6}$/);
    expect(token).not.toContain(code);

    const rows = await db.verificationToken.findMany({ where: { identifier: email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).toBe(storedVerificationToken(token));
    expect(rows[0]!.expires.getTime()).toBeGreaterThan(Date.now());
    const codeRow = await db.signInCode.findUniqueOrThrow({ where: { identifier: email } });
    expect(codeRow.codeHash).toBe(hashCode(`sign-in:${email}`, code));
    expect(codeRow.tokenHash).toBe(rows[0]!.token);
    expect(JSON.stringify(codeRow)).not.toContain(code);
  });

  it("one live sign-in email per address: a second request replaces the first link and code", async () => {
    const email = uniqueEmail("replaced");
    const first = await requestMagicLink(email);
    await requestMagicLink(email);
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(1);
    expect(
      await db.verificationToken.count({
        where: { token: storedVerificationToken(first.link.searchParams.get("token")!) },
      }),
    ).toBe(0);
    const response = await new AuthClient().post(callbackPathFor(first.link), {});
    expect(response.headers.get("location")).toContain("/auth-error?error=Verification");
  });
});

describe("following the magic link", () => {
  it("a GET of the callback signs nobody in: it shows the confirm page instead", async () => {
    const email = uniqueEmail("follow-get");
    const { link } = await requestMagicLink(email);
    const browser = new AuthClient();
    const response = await browser.get(callbackPathFor(link));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${APP}/sign-in/confirm${link.search}`);
    expect(browser.sessionCookie()).toBeUndefined();
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(1);
  });

  it("the confirm page's POST signs a new user in once, confirms the address, kills the code, and a second use is refused", async () => {
    const email = uniqueEmail("follow-post");
    const { link } = await requestMagicLink(email);
    expect(await db.user.count({ where: { email } })).toBe(0);

    const browser = new AuthClient();
    const first = await browser.post(callbackPathFor(link), {});
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`${APP}/dashboard`);
    const sessionToken = browser.sessionCookie();
    expect(sessionToken).toBeTruthy();

    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { sessions: true } });
    expect(user.emailVerified).not.toBeNull();
    expect(user.sessions.map((s) => ({ token: s.sessionToken, method: s.method }))).toEqual([
      { token: hashToken(sessionToken!), method: "resend" },
    ]);
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);
    expect(await db.signInCode.count({ where: { identifier: email } })).toBe(0);

    const replay = new AuthClient();
    const second = await replay.post(callbackPathFor(link), {});
    expect(second.status).toBe(302);
    expect(second.headers.get("location")).toContain("/auth-error?error=Verification");
    expect(replay.sessionCookie()).toBeUndefined();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});
