import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyCredentials } from "@/server/auth/password-check";
import { AuthClient } from "../support/auth-requests";
import { createUser, uniqueEmail } from "../support/users";

const PASSWORD = "correct horse battery staple";

describe("checking an email and password (verifyCredentials)", () => {
  it("the right password returns the user's public fields and never the password hash", async () => {
    const user = await createUser({ password: PASSWORD, name: "Ada" });
    const result = await verifyCredentials(user.email, PASSWORD);
    expect(result).toEqual({
      ok: true,
      user: {
        id: user.id,
        email: user.email,
        name: "Ada",
        image: null,
        emailVerified: user.emailVerified,
        banned: false,
      },
    });
    expect(Object.keys(result.ok ? result.user : {}).sort()).toEqual([
      "banned",
      "email",
      "emailVerified",
      "id",
      "image",
      "name",
    ]);
    expect(JSON.stringify(result)).not.toContain("argon2");
  });

  it("a wrong password is refused", async () => {
    const user = await createUser({ password: PASSWORD });
    expect(await verifyCredentials(user.email, "not the right passphrase")).toEqual({ ok: false, userId: user.id });
  });

  it("an unknown email is refused", async () => {
    expect(await verifyCredentials(uniqueEmail("nobody"), PASSWORD)).toEqual({ ok: false, userId: null });
  });

  it("an account without a password (a magic-link user) is refused, whatever is typed", async () => {
    const user = await createUser();
    expect(user.passwordHash).toBeNull();
    for (const attempt of [PASSWORD, "", "null"]) {
      expect(await verifyCredentials(user.email, attempt)).toEqual({ ok: false, userId: user.id });
    }
  });
});

describe("a failed password sign-in through Auth.js", () => {
  /** Everything the browser learns from the response. */
  async function observable(response: Response) {
    return {
      status: response.status,
      location: response.headers.get("location"),
      cookieNames: response.headers
        .getSetCookie()
        .map((cookie) => cookie.split("=")[0])
        .sort(),
      body: await response.text(),
    };
  }

  it("a wrong password and an unknown email get the same answer, and neither signs anyone in", async () => {
    const user = await createUser({ password: PASSWORD });
    const strangerEmail = uniqueEmail("nobody");
    const wrongPasswordClient = new AuthClient();
    const unknownEmailClient = new AuthClient();

    const wrongPassword = await observable(
      await wrongPasswordClient.signInWithPassword(user.email, "not the right passphrase"),
    );
    const unknownEmail = await observable(
      await unknownEmailClient.signInWithPassword(strangerEmail, "not the right passphrase"),
    );

    expect(unknownEmail).toEqual(wrongPassword);
    expect(wrongPassword.status).toBe(302);
    expect(wrongPassword.location).toBe(
      "http://localhost:3000/sign-in?error=CredentialsSignin&code=invalid_credentials",
    );
    expect(wrongPassword.cookieNames).not.toContain("authjs.session-token");
    expect(wrongPasswordClient.sessionCookie()).toBeUndefined();
    expect(unknownEmailClient.sessionCookie()).toBeUndefined();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.user.count({ where: { email: strangerEmail } })).toBe(0);
  });
});
