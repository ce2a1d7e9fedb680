/**
 * A load balancer in front of several app instances: each request goes to the next upstream in
 * turn, with the client's Host, cookies and headers, and the connection's address appended to
 * X-Forwarded-For (tests/fakes/forward.ts). Each response says which upstream answered
 * (`x-served-by: 0|1|…`). A test may pin a request to one upstream with `x-upstream: <index>`, to
 * say "asked through this instance, finished through that one".
 *   GET /__proxy__/health → 200 once every upstream answers, else 503
 * Usage: PORT=3410 UPSTREAMS=http://localhost:3411,http://localhost:3412 npx tsx tests/fakes/round-robin.ts
 */
import { forward } from "./forward";
import { sendJson, serve } from "./http";

const upstreams = (process.env.UPSTREAMS ?? "").split(",").map((url) => new URL(url.trim()));
let turn = 0;

async function answers(upstream: URL): Promise<boolean> {
  try {
    return (await fetch(upstream, { redirect: "manual" })).status < 500;
  } catch {
    return false;
  }
}

serve("round-robin", Number(process.env.PORT ?? 3410), async (req, res, url) => {
  if (url.pathname === "/__proxy__/health") {
    const up = await Promise.all(upstreams.map(answers));
    return sendJson(res, up.every(Boolean) ? 200 : 503, { upstreams: up });
  }
  const pinned = req.headers["x-upstream"];
  delete req.headers["x-upstream"];
  const index = typeof pinned === "string" ? Number(pinned) % upstreams.length : turn++ % upstreams.length;
  return forward(upstreams[index]!, req, res, { responseHeaders: { "x-served-by": String(index) } });
});
