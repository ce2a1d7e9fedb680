/**
 * A local stand-in for the Resend API. The real `resend` SDK talks to it through
 * RESEND_BASE_URL. It keeps every accepted email in memory for tests to read:
 *   GET /__test__/emails?to=<address>  → the messages to that address, oldest first
 * A recipient whose address starts with "bounce" is refused (422), like an invalid address.
 * A recipient whose address starts with "fail" gets a 500, like an outage at the provider.
 * A recipient whose address starts with "slow" is answered 3 seconds late, like a slow API; the
 *   message is still kept (sent), even when the app stopped waiting: a late email, as in real life.
 * A recipient whose address starts with "hold" is not answered until a test releases it:
 *   GET  /__test__/held?to=<address>     → { held: n } requests waiting for that address
 *   POST /__test__/release?to=<address>  → answers them
 * Usage: PORT=3101 npx tsx tests/fakes/resend.ts (PORT=0: any free port, printed when listening)
 */
import { randomUUID } from "node:crypto";
import { readBody, sendJson, serve } from "./http";

export interface SentEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  createdAt: string;
}

/** How late a "slow" recipient is answered. */
const SLOW_MS = 3000;

const sent: SentEmail[] = [];
const held = new Map<string, Array<() => void>>();

serve("fake-resend", Number(process.env.PORT ?? 3101), async (req, res, url) => {
  if (req.method === "POST" && url.pathname === "/emails") {
    if (!/^Bearer re_\w+/.test(req.headers.authorization ?? "")) {
      return sendJson(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
    }
    const body = JSON.parse(await readBody(req)) as Omit<SentEmail, "id" | "createdAt" | "to"> & {
      to: string | string[];
    };
    const to = Array.isArray(body.to) ? body.to : [body.to];
    if (to.some((address) => address.startsWith("bounce"))) {
      return sendJson(res, 422, { statusCode: 422, name: "validation_error", message: "Invalid `to` field." });
    }
    if (to.some((address) => address.startsWith("fail"))) {
      return sendJson(res, 500, {
        statusCode: 500,
        name: "internal_server_error",
        message: "An unexpected error occurred.",
      });
    }
    if (to.some((address) => address.startsWith("slow"))) await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    const hold = to.find((address) => address.startsWith("hold"))?.toLowerCase();
    if (hold) await new Promise<void>((release) => held.set(hold, [...(held.get(hold) ?? []), release]));
    const email: SentEmail = { ...body, to, id: randomUUID(), createdAt: new Date().toISOString() };
    sent.push(email);
    return sendJson(res, 200, { id: email.id });
  }
  if (req.method === "GET" && url.pathname === "/__test__/emails") {
    const to = url.searchParams.get("to")?.toLowerCase();
    return sendJson(res, 200, to ? sent.filter((e) => e.to.some((t) => t.toLowerCase() === to)) : sent);
  }
  if (req.method === "GET" && url.pathname === "/__test__/held") {
    return sendJson(res, 200, { held: held.get(url.searchParams.get("to")?.toLowerCase() ?? "")?.length ?? 0 });
  }
  if (req.method === "POST" && url.pathname === "/__test__/release") {
    const to = url.searchParams.get("to")?.toLowerCase() ?? "";
    const waiting = held.get(to) ?? [];
    held.delete(to);
    for (const release of waiting) release();
    return sendJson(res, 200, { released: waiting.length });
  }
  if (req.method === "GET" && url.pathname === "/health") return sendJson(res, 200, { ok: true });
  return sendJson(res, 404, { statusCode: 404, name: "not_found", message: "Not found" });
});
