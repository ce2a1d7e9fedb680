import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { expect } from "vitest";
import { listOutbox } from "@/server/mail/outbox";
import { randomIp } from "./random";

/** Talks to the app's real /api/auth route handlers the way a browser would (cookies, CSRF token). */
export const APP_ORIGIN = "http://localhost:3000";

export class AuthClient {
  cookies = new Map<string, string>();
  /** Each client is its own visitor, so per-IP limits don't add up across tests. */
  ip = randomIp();

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (value === "" || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await GET(
      new NextRequest(`${APP_ORIGIN}${path}`, {
        headers: { cookie: this.cookieHeader(), "x-forwarded-for": this.ip, ...headers },
      }),
    );
    this.remember(response);
    return response;
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const response = await POST(
      new NextRequest(`${APP_ORIGIN}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          // A browser posting from one of the app's own pages.
          origin: APP_ORIGIN,
          "sec-fetch-site": "same-origin",
          cookie: this.cookieHeader(),
          "x-forwarded-for": this.ip,
          ...headers,
        },
        body: new URLSearchParams(form).toString(),
      }),
    );
    this.remember(response);
    return response;
  }

  async csrfToken(): Promise<string> {
    const response = await this.get("/api/auth/csrf");
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  /** POSTs email + password to the credentials callback, as the sign-in form does. */
  async signInWithPassword(email: string, password: string): Promise<Response> {
    const csrfToken = await this.csrfToken();
    return this.post("/api/auth/callback/credentials", { email, password, csrfToken, callbackUrl: "/dashboard" });
  }

  sessionCookie(): string | undefined {
    return this.cookies.get("authjs.session-token");
  }
}

/** Requests a magic link as an API client would and returns the link and code from the email. */
export async function requestMagicLink(email: string): Promise<{ link: URL; code: string }> {
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
  const code = message.text.match(/device where you asked to sign in:\s+(\d{6})/)?.[1];
  if (!link || !code) throw new Error(`no link or code in the email to ${email}`);
  return { link: new URL(link), code };
}

/** The emailed link opens our confirm page; its button sends the same parameters to Auth.js's callback. */
export const callbackPathFor = (link: URL) => `/api/auth/callback/resend${link.search}`;
