import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { listOutbox } from "@/server/mail/outbox";
import { storedVerificationToken } from "@/server/magic-link";
import { hashToken } from "@/server/tokens";
import { AuthClient } from "../support/auth-requests";
import { uniqueEmail } from "../support/users";

const APP = "http://localhost:3000";

/** Requests a magic link as the sign-in form does and returns the link from the email. */
async function requestMagicLink(email: string): Promise<URL> {
  const client = new AuthClient();
  const response = await client.post("/api/auth/signin/resend", {
    email,
    csrfToken: await client.csrfToken(),
    callbackUrl: "/dashboard",
  });
  expect(response.status).toBe(302);
  const message = (await listOutbox(500)).find((m) => m.to === email);
  if (!message) throw new Error(`no outbox message to ${email}`);
  const link = message.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no link in the email to ${email}`);
  return new URL(link);
}

/** The emailed link opens our confirm page; its button sends the same parameters to Auth.js's callback. */
const callbackPathFor = (link: URL) => `/api/auth/callback/resend${link.search}`;

describe("asking for a magic link", () => {
  it("stores exactly one token for the address, and only a hash of the emailed one", async () => {
    const email = uniqueEmail("token-store");
    const link = await requestMagicLink(email);
    expect(link.origin + link.pathname).toBe(`${APP}/sign-in/confirm`);
    const token = link.searchParams.get("token")!;
    expect(token).toMatch(/^\d{6}$/);

    const rows = await db.verificationToken.findMany({ where: { identifier: email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).not.toBe(token);
    expect(rows[0]!.token).not.toContain(token);
    expect(rows[0]!.token).toBe(storedVerificationToken(token, process.env.AUTH_SECRET!));
    expect(rows[0]!.expires.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("following the magic link", () => {
  it.each(["GET", "POST"] as const)(
    "a %s to the callback signs a new user in once, confirms the address, and a second use is refused",
    async (method) => {
      const email = uniqueEmail(`follow-${method.toLowerCase()}`);
      const callbackPath = callbackPathFor(await requestMagicLink(email));
      expect(await db.user.count({ where: { email } })).toBe(0);

      const browser = new AuthClient();
      const first = method === "GET" ? await browser.get(callbackPath) : await browser.post(callbackPath, {});
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

      const replay = new AuthClient();
      const second = method === "GET" ? await replay.get(callbackPath) : await replay.post(callbackPath, {});
      expect(second.status).toBe(302);
      expect(second.headers.get("location")).toContain("/auth-error?error=Verification");
      expect(replay.sessionCookie()).toBeUndefined();
      expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    },
  );
});
