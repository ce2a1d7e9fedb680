import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { hashToken } from "@/server/security/secrets";
import { AuthClient } from "../support/auth-requests";
import { createUser as createVerifiedUser } from "../support/users";

const createUser = (email: string, password: string) => createVerifiedUser({ email, password, name: "Ada" });

describe("password sign-in creates a database session", () => {
  it("stores a Session row (hashed token, method credentials) and sets the session cookie to its token", async () => {
    const user = await createUser("ada.session@example.com", "correct horse battery staple");
    const client = new AuthClient();

    const response = await client.signInWithPassword("ada.session@example.com", "correct horse battery staple");

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost:3000/dashboard");
    const token = client.sessionCookie();
    expect(token).toBeTruthy();
    // 32 random bytes, base64url: 256 bits, far above ASVS's 64.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sessionToken).toBe(hashToken(token!));
    expect(rows[0]!.method).toBe("credentials");
  });

  it("/api/auth/session returns the allowlisted user and never the token or password hash", async () => {
    await createUser("ada.allowlist@example.com", "correct horse battery staple");
    const client = new AuthClient();
    await client.signInWithPassword("ada.allowlist@example.com", "correct horse battery staple");
    const token = client.sessionCookie()!;

    const response = await client.get("/api/auth/session");
    const text = await response.text();
    const body = JSON.parse(text);

    expect(body.user.email).toBe("ada.allowlist@example.com");
    expect(Object.keys(body).sort()).toEqual(["authenticatedAt", "expires", "method", "sessionId", "user"]);
    expect(Object.keys(body.user).sort()).toEqual(["email", "id", "image", "name", "role"]);
    expect(text).not.toContain(token);
    expect(text).not.toContain(hashToken(token));
    expect(text).not.toContain("argon2");
    expect(text).not.toMatch(/sessionToken|passwordHash/);
  });
});
