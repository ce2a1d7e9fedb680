import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { sendMagicLinkEmail } from "@/server/mail";
import { listOutbox, readOutboxMessage, writeToOutbox } from "@/server/mail/outbox";
import { buildEmailLink, storedVerificationToken } from "@/server/magic-link";
import { hashToken } from "@/server/tokens";
import { AuthClient } from "../support/auth-requests";
import { uniqueEmail } from "../support/users";

async function newestTo(email: string) {
  const message = (await listOutbox(500)).find((m) => m.to === email);
  if (!message) throw new Error(`no outbox message to ${email}`);
  return message;
}

function linksIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s"<>]+/g) ?? [];
}

describe("local outbox", () => {
  it("keeps messages newest first and reads them back by id", async () => {
    const to = uniqueEmail("outbox");
    const first = await writeToOutbox({ to, from: "a@b.c", subject: "first", html: "<p>1</p>", text: "1" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await writeToOutbox({ to, from: "a@b.c", subject: "second", html: "<p>2</p>", text: "2" });
    const mine = (await listOutbox(500)).filter((m) => m.to === to);
    expect(mine.map((m) => m.subject)).toEqual(["second", "first"]);
    expect(await readOutboxMessage(first.id)).toMatchObject({ subject: "first", html: "<p>1</p>" });
    expect(second.id).not.toBe(first.id);
  });

  it("refuses ids that try to leave the outbox folder", async () => {
    expect(await readOutboxMessage("../../etc/passwd")).toBeNull();
    expect(await readOutboxMessage("0000000000000-00000000")).toBeNull();
  });

  it("the real sender renders the template into the outbox (no Resend key in tests)", async () => {
    const to = uniqueEmail("render");
    await sendMagicLinkEmail(to, "http://localhost:3000/sign-in/confirm?token=t", "123456", 15);
    const message = await newestTo(to);
    expect(message.subject).toBe("Your Gatehouse sign-in link");
    expect(message.html).toContain("http://localhost:3000/sign-in/confirm?token=t");
    expect(message.text).toContain("http://localhost:3000/sign-in/confirm?token=t");
    expect(message.text).toContain("123456");
  });
});

describe("magic links", () => {
  it("a spoofed X-Forwarded-Host never reaches the emailed link", async () => {
    const email = uniqueEmail("poison");
    const client = new AuthClient();
    const csrfToken = await client.csrfToken();
    await client.post(
      "/api/auth/signin/resend",
      { email, csrfToken, callbackUrl: "/dashboard" },
      { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    );
    const message = await newestTo(email);
    expect(`${message.html}${message.text}`).not.toContain("evil.example");
    const links = linksIn(message.text);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith("http://localhost:3000/sign-in/confirm?")).toBe(true);
    expect(new URL(links[0]!).searchParams.get("callbackUrl")).toBe("/dashboard");
  });

  it("buildEmailLink points at our confirm page on the app URL and keeps callbackUrl on-site", () => {
    const link = new URL(
      buildEmailLink(
        "https://evil.example/api/auth/callback/resend?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal&token=t&email=a%40b.c",
      ),
    );
    expect(link.origin).toBe("http://localhost:3000");
    expect(link.pathname).toBe("/sign-in/confirm");
    expect(link.searchParams.get("callbackUrl")).toBe("/steal");
    expect(link.searchParams.get("token")).toBe("t");
  });

  it("store a hash of the 6-digit token, sign in once with method 'resend', and refuse a second use", async () => {
    const email = uniqueEmail("once");
    const requester = new AuthClient();
    await requester.post("/api/auth/signin/resend", {
      email,
      csrfToken: await requester.csrfToken(),
      callbackUrl: "/dashboard",
    });
    const link = new URL(linksIn((await newestTo(email)).text)[0]!);
    const token = link.searchParams.get("token")!;
    expect(token).toMatch(/^\d{6}$/);
    const rows = await db.verificationToken.findMany({ where: { identifier: email } });
    expect(rows.map((r) => r.token)).toEqual([storedVerificationToken(token, process.env.AUTH_SECRET!)]);

    // What the confirm page's button does: POST to Auth.js's callback with the link's parameters.
    const callback = `/api/auth/callback/resend${link.search}`;
    const browser = new AuthClient();
    const first = await browser.post(callback, {});
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("http://localhost:3000/dashboard");
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { sessions: true } });
    expect(user.emailVerified).not.toBeNull();
    expect(user.sessions.map((s) => [s.sessionToken, s.method])).toEqual([[hashToken(browser.sessionCookie()!), "resend"]]);

    const second = await new AuthClient().post(callback, {});
    expect(second.headers.get("location")).toContain("/auth-error?error=Verification");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});
