import { describe, expect, it } from "vitest";
import { signSessionHeader, verifySessionHeader } from "@/server/sessions/header";
import { readSession } from "@/server/sessions/read";
import { SESSION_USER_FIELDS } from "@/server/sessions/user-fields";
import { AuthClient } from "../support/auth-requests";
import { countStatements } from "../support/sql-statements";
import { createUser } from "../support/users";

// "Make it yours": a User column shown in the session is one name added to SESSION_USER_FIELDS
// (src/server/sessions/user-fields.ts). The session read's SQL, Auth.js's session callback and the
// header that hands the session to pages' auth() all follow it. Here the list grows at run time by
// a column every User has (createdAt), the way an edit of the list would.
const PASSWORD = "correct horse battery staple";

async function signedIn() {
  const user = await createUser({ password: PASSWORD, name: "Ada" });
  const client = new AuthClient();
  await client.signInWithPassword(user.email, PASSWORD);
  return { user, client, token: client.sessionCookie()! };
}

describe("the columns a session carries", () => {
  it("are the list's, and nothing else of the User row", async () => {
    const { client } = await signedIn();
    const body = (await (await client.get("/api/auth/session")).json()) as { user: Record<string, unknown> };
    expect(Object.keys(body.user).sort()).toEqual(["id", ...SESSION_USER_FIELDS].sort());
  });

  it("a column added to the list reaches Auth.js's session and pages' auth(), in the same one statement", async () => {
    const fields = SESSION_USER_FIELDS as unknown as string[];
    fields.push("createdAt");
    try {
      const { user, client, token } = await signedIn();
      const body = (await (await client.get("/api/auth/session")).json()) as Parameters<typeof signSessionHeader>[0];
      expect((body.user as Record<string, unknown>).createdAt).toBe(user.createdAt.toISOString());
      // What middleware hands a page, whose auth() answers from it.
      const handedOver = verifySessionHeader(signSessionHeader(body, token), token);
      expect((handedOver!.user as Record<string, unknown>).createdAt).toBe(user.createdAt.toISOString());
      const sql = await countStatements(() => readSession(token, null));
      expect(sql).toHaveLength(1);
      expect(sql[0]).toContain('u."createdAt"');
    } finally {
      fields.pop();
    }
  });

  it("never the password hash", () => {
    // The list's type is any User column but id and passwordHash (user-fields.ts), so adding it
    // does not compile; and it is not there.
    expect(SESSION_USER_FIELDS).not.toContain("passwordHash");
  });
});
