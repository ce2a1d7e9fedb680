import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createSession } from "@/server/sessions/store";
import { hashToken } from "@/server/security/secrets";
import { AuthClient } from "../support/auth-requests";
import { createUser } from "../support/users";

/**
 * Attack: keep a session alive after its browser signed in as someone else. On a shared computer,
 * or after planting a cookie (session fixation), the old session row must not stay valid for
 * whoever else holds its cookie.
 */
describe("signing in while another session's cookie is present", () => {
  it("ends the session the browser had before, whoever's it was", async () => {
    const first = await createUser({ password: "first-users-passphrase" });
    const second = await createUser({ password: "second-users-passphrase" });
    const planted = await createSession(first.id, "credentials");

    const browser = new AuthClient();
    browser.cookies.set("authjs.session-token", planted);
    const response = await browser.signInWithPassword(second.email, "second-users-passphrase");
    expect(response.status).toBe(302);
    expect(browser.sessionCookie()).not.toBe(planted);

    expect(await db.session.count({ where: { sessionToken: hashToken(planted) } })).toBe(0);
    const stale = new AuthClient();
    stale.cookies.set("authjs.session-token", planted);
    expect(await (await stale.get("/api/auth/session")).json()).toBeNull();
    expect(await db.session.count({ where: { userId: second.id } })).toBe(1);
  });

  it("a failed sign-in leaves the existing session alone", async () => {
    const user = await createUser({ password: "keeps-its-session-ok" });
    const current = await createSession(user.id, "credentials");
    const browser = new AuthClient();
    browser.cookies.set("authjs.session-token", current);
    await browser.signInWithPassword(user.email, "a-wrong-password");
    expect(await db.session.count({ where: { sessionToken: hashToken(current) } })).toBe(1);
  });
});
