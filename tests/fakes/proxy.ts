/**
 * A reverse proxy in front of the app, like nginx with `proxy_add_x_forwarded_for`: it appends
 * the address the connection came from to whatever X-Forwarded-For the client sent. The attack
 * suite talks to the app through it from chosen loopback addresses (127.x.y.z), so "the client's
 * real IP" is a real socket address, and anything the client writes itself sits to its left.
 * Usage: PORT=3103 TARGET=http://localhost:3100 npx tsx tests/fakes/proxy.ts
 */
import { request as forward } from "node:http";
import { sendJson, serve } from "./http";

const target = new URL(process.env.TARGET ?? "http://localhost:3100");

serve("fake-proxy", Number(process.env.PORT ?? 3103), (req, res, url) => {
  if (url.pathname === "/__proxy__/health") return sendJson(res, 200, { ok: true });
  const sent = req.headers["x-forwarded-for"];
  const client = req.socket.remoteAddress ?? "unknown";
  const headers = {
    ...req.headers,
    host: target.host,
    "x-forwarded-for": sent ? `${Array.isArray(sent) ? sent.join(", ") : sent}, ${client}` : client,
  };
  return new Promise<void>((resolve) => {
    const upstream = forward(
      { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res).on("finish", resolve);
      },
    );
    upstream.on("error", (error) => {
      sendJson(res, 502, { message: String(error) });
      resolve();
    });
    req.pipe(upstream);
  });
});
