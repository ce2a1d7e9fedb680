import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { createApp } from "../../../examples/express-api/server.mjs";
import { APP_URL } from "../env";

export interface TokenAnswer {
  status: number;
  body: { token?: string; expiresAt?: string; error?: string };
}

/**
 * What the app's own page gets from POST /api/token: `fetch` from the page (same origin, its
 * session cookie), as the app's front end would call it. The page must be on the app already.
 */
export function askForServiceToken(page: Page, request: { audience: string; org?: string }): Promise<TokenAnswer> {
  return page.evaluate(async (body) => {
    const response = await fetch("/api/token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as TokenAnswer["body"] };
  }, request);
}

/** A service token the page asked for; fails the test if it was refused. */
export async function serviceToken(page: Page, request: { audience: string; org?: string }): Promise<string> {
  const answer = await askForServiceToken(page, request);
  if (answer.status !== 200 || !answer.body.token) {
    throw new Error(`POST /api/token ${JSON.stringify(request)}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body.token;
}

export interface ExampleService {
  url: string;
  /** Why each refused token was refused (the example's onRejected), in order. */
  reasons: string[];
  /** GET /whoami with `Authorization: Bearer <token>` (none when null). */
  whoami(token: string | null): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/**
 * The example service (examples/express-api/server.mjs) in this process, on a port of its own on
 * loopback, verifying tokens for `audience` from the e2e app.
 */
export async function startExampleService(audience = "orders-api"): Promise<ExampleService> {
  const reasons: string[] = [];
  const server = createServer(createApp({ issuer: APP_URL, audience, onRejected: (reason) => reasons.push(reason) }));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    reasons,
    async whoami(token) {
      const response = await fetch(`${url}/whoami`, {
        headers: token === null ? {} : { authorization: `Bearer ${token}` },
      });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
