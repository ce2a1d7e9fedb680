import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { listOutbox } from "@/server/mail/outbox";
import { buildEmailLink, signInCallbackUrl } from "@/server/auth/magic-link";
import { uniqueEmail } from "../support/users";
import { randomIp } from "../support/random";

const APP = "http://localhost:3000";
const SPOOFED = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

/**
 * Asks for a magic link the way an attacker would: Host / X-Forwarded-Host say evil.example.
 * With no AUTH_URL (as in `npm run dev`, and this test run) Next hands the route a request URL
 * built from those headers, so that is the URL we give it; AuthClient always uses localhost.
 */
async function requestMagicLinkWithSpoofedHost(email: string): Promise<Response> {
  const headers = { ...SPOOFED, "x-forwarded-for": randomIp() };
  const csrf = await GET(new NextRequest("https://evil.example/api/auth/csrf", { headers }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return POST(
    new NextRequest("https://evil.example/api/auth/signin/resend", {
      method: "POST",
      // Outside a browser, Origin is whatever the attacker writes: the app's own, to pass the
      // same-origin check and reach Auth.js with the spoofed host.
      headers: { ...headers, origin: APP, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: "/dashboard" }).toString(),
    }),
  );
}

async function newestMessageTo(email: string) {
  const message = (await listOutbox(500)).find((m) => m.to === email);
  if (!message) throw new Error(`no outbox message to ${email}`);
  return message;
}

/** Every link a reader could follow: href attributes in the HTML, URLs in the plain text. */
function linksIn({ html, text }: { html: string; text: string }): string[] {
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
  return [...hrefs, ...(text.match(/https?:\/\/\S+/g) ?? [])];
}

describe("a spoofed Host header never reaches the emailed sign-in link", () => {
  it("Auth.js believes the spoofed host, but every link in the email points at the configured app URL", async () => {
    const email = uniqueEmail("poison");
    const response = await requestMagicLinkWithSpoofedHost(email);

    // The attack is real: Auth.js built its own URLs from the spoofed host.
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^https:\/\/evil\.example\//);

    const message = await newestMessageTo(email);
    expect(message.html).not.toContain("evil.example");
    expect(message.text).not.toContain("evil.example");
    const links = linksIn(message);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(`${APP}/sign-in/confirm?`), link).toBe(true);

    // The confirm page's button posts to Auth.js's callback, also on the app URL.
    const emailed = new URL(links[0]!);
    const callbackUrl = emailed.searchParams.get("callbackUrl")!;
    expect(callbackUrl).toBe("/dashboard");
    const signIn = signInCallbackUrl(email, emailed.searchParams.get("token")!, callbackUrl);
    expect(signIn.startsWith(`${APP}/api/auth/callback/resend?`)).toBe(true);
  });
});

describe("building the emailed link (buildEmailLink)", () => {
  const authJsUrl =
    "https://evil.example/api/auth/callback/resend?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal%3Fx%3D1&token=123456&email=ada%40example.com";

  it("uses the configured app URL and our confirm page, whatever origin Auth.js used", () => {
    const link = new URL(buildEmailLink(authJsUrl));
    expect(link.origin).toBe(APP);
    expect(link.pathname).toBe("/sign-in/confirm");
    expect(link.searchParams.get("token")).toBe("123456");
    expect(link.searchParams.get("email")).toBe("ada@example.com");
    expect(link.toString()).not.toContain("evil.example");
  });

  it("reduces an absolute callbackUrl to a path on our site", () => {
    const callbackUrl = new URL(buildEmailLink(authJsUrl)).searchParams.get("callbackUrl");
    expect(callbackUrl).toBe("/steal?x=1");
  });

  it.each(["//evil.example/x", "/\\evil.example", "javascript:alert(1)"])(
    "replaces a hostile callbackUrl %j with the dashboard",
    (hostile) => {
      const url = new URL("https://evil.example/api/auth/callback/resend?token=123456&email=ada%40example.com");
      url.searchParams.set("callbackUrl", hostile);
      expect(new URL(buildEmailLink(url.toString())).searchParams.get("callbackUrl")).toBe("/dashboard");
    },
  );
});
