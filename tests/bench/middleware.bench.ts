import { NextRequest, type NextFetchEvent } from "next/server";
import { beforeAll, bench, describe } from "vitest";
import middleware from "../../middleware";
import { auth } from "@/auth";
import { readSession } from "@/server/sessions/read";
import { withSessionScope } from "@/server/sessions/scope";
import { sessionFor } from "../support/sessions";
import { createUser } from "../support/users";

/**
 * Where a signed-in request's time goes in middleware (`npm run bench`): the one database read on
 * its own, Auth.js's `auth()` around it, and all of middleware.ts. Numbers to watch, not assertions.
 */
let token = "";
const info = { ipAddress: "203.0.113.9", userAgent: "bench" };
const request = (path: string) =>
  new NextRequest(`http://localhost:3000${path}`, { headers: { cookie: `authjs.session-token=${token}` } });

beforeAll(async () => {
  const user = await createUser();
  token = (await sessionFor(user.id, { seenMs: 0 })).token;
});

describe("a signed-in request in middleware", () => {
  bench("the session read alone (src/server/sessions/read.ts)", async () => {
    await readSession(token, info);
  });
  bench("auth()'s wrapper around a no-op handler", async () => {
    const wrapped = auth(() => undefined) as unknown as (req: NextRequest, event: NextFetchEvent) => Promise<Response>;
    await withSessionScope({ info, keepPending: true }, () => wrapped(request("/dashboard"), {} as NextFetchEvent));
  });
  bench("middleware.ts, /dashboard", async () => {
    await middleware(request("/dashboard"), {} as NextFetchEvent);
  });
});
