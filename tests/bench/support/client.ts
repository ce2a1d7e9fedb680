import { APP, env } from "./server";

/** A browser-like client: keeps cookies, posts forms from the app's own origin. */
export class Client {
  cookies = new Map<string, string>();
  constructor(readonly ip: string) {}
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  }
  async get(url: string) {
    const response = await fetch(`${APP}${url}`, {
      headers: { cookie: this.header(), "x-forwarded-for": this.ip },
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }
  async post(url: string, form: Record<string, string>) {
    const response = await fetch(`${APP}${url}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: this.header(),
        origin: APP,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": this.ip,
      },
      body: new URLSearchParams(form).toString(),
    });
    this.remember(response);
    return response;
  }
  async csrf() {
    return ((await (await this.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  }
}

/** The sign-in link in the last email to this address at the fake Resend (null if none came). */
export async function fetchLink(email: string): Promise<URL | null> {
  const response = await fetch(`${env.RESEND_BASE_URL}/__test__/emails?to=${encodeURIComponent(email)}`);
  const sent = (await response.json()) as Array<{ text: string }>;
  const link = sent.at(-1)?.text.match(/http:\/\/localhost:\d+\/sign-in\/confirm\?\S+/)?.[0];
  return link ? new URL(link) : null;
}

/**
 * Signs in through the real magic-link flow (the email arrives at the fake Resend). Returns the
 * browser's whole Cookie header afterwards: the session cookie and whatever else Auth.js set.
 */
export async function signInWithMagicLink(email: string): Promise<string> {
  const client = new Client("10.1.0.1");
  await client.post("/api/auth/signin/resend", { email, csrfToken: await client.csrf(), callbackUrl: "/dashboard" });
  const link = await fetchLink(email);
  if (!link) throw new Error(`no sign-in email arrived for ${email}`);
  const callback = await client.post(`/api/auth/callback/resend${link.search}`, {});
  const token = client.cookies.get("authjs.session-token");
  if (callback.status !== 302 || !token) throw new Error(`magic-link sign-in failed (${callback.status})`);
  return client.header();
}
