import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Tiny helpers shared by the local stand-ins for third-party APIs. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const body = await readBody(req);
  if ((req.headers["content-type"] ?? "").includes("application/json")) return JSON.parse(body || "{}");
  return Object.fromEntries(new URLSearchParams(body));
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(html);
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => unknown;

/** Listens on 127.0.0.1:`port` and logs unhandled errors as 500s. */
export function serve(name: string, port: number, handler: Handler) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    Promise.resolve(handler(req, res, url)).catch((error: unknown) => {
      console.error(`[${name}]`, error);
      if (!res.headersSent) sendJson(res, 500, { message: String(error) });
    });
  });
  server.listen(port, "127.0.0.1", () => {
    const { port: listening } = server.address() as AddressInfo;
    console.log(`[${name}] listening on http://127.0.0.1:${listening}`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
  return server;
}
