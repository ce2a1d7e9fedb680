import { randomInt } from "node:crypto";
import { request } from "node:http";
import { randomIp } from "../../support/random";
import { APP_URL, PROXY_PORT } from "../../e2e/env";

export interface Reply {
  status: number;
  location: string | null;
  setCookies: string[];
  body: string;
}

/** A loopback address of the attacker's own: the proxy sees it as the connection's real address. */
export function randomLoopbackAddress(): string {
  return randomIp(127);
}

/** A made-up address for a client-written X-Forwarded-For. */
export function randomPublicAddress(): string {
  return randomIp(randomInt(1, 224));
}

/** Where an attacker's requests go: a port on loopback, and the origin that server calls its own. */
export interface Target {
  port: number;
  origin: string;
}

/**
 * What an attacker scripts: plain HTTP to the app through the appending proxy (or to another
 * `target`), from one real source address, never following redirects, writing any header it likes
 * (an Origin that claims to be the app, a client-chosen X-Forwarded-For). Keeps cookies like a
 * browser would.
 */
export class Attacker {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly sourceAddress = randomLoopbackAddress(),
    private readonly target: Target = { port: PROXY_PORT, origin: APP_URL },
  ) {}

  send(
    method: "GET" | "POST",
    path: string,
    body?: string,
    headers: Record<string, string> = {},
    withoutContentType = false,
  ): Promise<Reply> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: this.target.port,
          localAddress: this.sourceAddress,
          method,
          path,
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(body !== undefined
              ? {
                  ...(withoutContentType ? {} : { "content-type": "application/x-www-form-urlencoded" }),
                  "content-length": String(Buffer.byteLength(body)),
                }
              : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const setCookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
            for (const line of setCookies) {
              const [pair = ""] = line.split(";");
              const index = pair.indexOf("=");
              const name = pair.slice(0, index);
              const value = pair.slice(index + 1);
              if (value === "" || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
              else this.cookies.set(name, value);
            }
            const location = res.headers.location ?? null;
            resolve({
              status: res.statusCode ?? 0,
              location,
              setCookies,
              body: Buffer.concat(chunks).toString("utf8"),
            });
          });
        },
      );
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.send("GET", path, undefined, headers);
  }

  /** A form POST. `fields` may repeat a name (pairs), as a hand-written body can. */
  post(path: string, fields: Array<[string, string]>, headers: Record<string, string> = {}): Promise<Reply> {
    const body = new URLSearchParams(fields).toString();
    // Outside a browser nothing stops a client claiming to come from the app itself.
    return this.send("POST", path, body, { origin: this.target.origin, ...headers });
  }

  /** A POST with a body written by hand under any Content-Type (or none), as a script can send. */
  postRaw(
    path: string,
    body: string,
    contentType: string | null,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const type: Record<string, string> = contentType === null ? {} : { "content-type": contentType };
    return this.send("POST", path, body, { origin: this.target.origin, ...headers, ...type }, contentType === null);
  }

  async csrfToken(): Promise<string> {
    return (JSON.parse((await this.get("/api/auth/csrf")).body) as { csrfToken: string }).csrfToken;
  }

  /** Asks Auth.js to email a sign-in link to `email` (anyone may ask for anyone's). */
  async requestSignInEmail(email: string, headers: Record<string, string> = {}): Promise<Reply> {
    const csrfToken = await this.csrfToken();
    return this.post(
      "/api/auth/signin/resend",
      [
        ["email", email],
        ["csrfToken", csrfToken],
        ["callbackUrl", "/dashboard"],
      ],
      headers,
    );
  }

  /** The session cookie's value, if the app has signed this client in. */
  sessionCookie(): string | undefined {
    return this.cookies.get("authjs.session-token");
  }

  /** Who the app thinks this client is. */
  async whoAmI(): Promise<string | null> {
    const reply = await this.get("/api/protected/me");
    return reply.status === 200 ? (JSON.parse(reply.body) as { user: { email: string } }).user.email : null;
  }
}
