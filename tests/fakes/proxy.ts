/**
 * A reverse proxy in front of the app, like nginx with `proxy_add_x_forwarded_for`: it appends
 * the address the connection came from to whatever X-Forwarded-For the client sent. The attack
 * suite talks to the app through it from chosen loopback addresses (127.x.y.z), so "the client's
 * real IP" is a real socket address, and anything the client writes itself sits to its left.
 * Usage: PORT=3103 TARGET=http://localhost:3100 npx tsx tests/fakes/proxy.ts
 */
import { forward } from "./forward";
import { sendJson, serve } from "./http";

const target = new URL(process.env.TARGET ?? "http://localhost:3100");

serve("fake-proxy", Number(process.env.PORT ?? 3103), (req, res, url) => {
  if (url.pathname === "/__proxy__/health") return sendJson(res, 200, { ok: true });
  return forward(target, req, res, { host: target.host });
});
