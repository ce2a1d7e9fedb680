import type { IncomingMessage, ServerResponse } from "node:http";
import { request } from "node:http";
import { sendJson } from "./http";

/**
 * Passes one request on to `target` as a reverse proxy does: appends the address the connection
 * came from to X-Forwarded-For (like nginx's `proxy_add_x_forwarded_for`), keeps every other header
 * and the cookies both ways, and streams the bodies. `host` replaces the Host header when given.
 */
export function forward(
  target: URL,
  req: IncomingMessage,
  res: ServerResponse,
  options: { host?: string; responseHeaders?: Record<string, string> } = {},
): Promise<void> {
  const sent = req.headers["x-forwarded-for"];
  const client = req.socket.remoteAddress ?? "unknown";
  const headers = {
    ...req.headers,
    ...(options.host ? { host: options.host } : {}),
    "x-forwarded-for": sent ? `${Array.isArray(sent) ? sent.join(", ") : sent}, ${client}` : client,
  };
  return new Promise<void>((resolve) => {
    const upstream = request(
      { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers },
      (response) => {
        res.writeHead(response.statusCode ?? 502, { ...response.headers, ...options.responseHeaders });
        response.pipe(res).on("finish", resolve);
      },
    );
    upstream.on("error", (error) => {
      if (!res.headersSent) sendJson(res, 502, { message: String(error) });
      else res.destroy();
      resolve();
    });
    req.pipe(upstream);
  });
}
