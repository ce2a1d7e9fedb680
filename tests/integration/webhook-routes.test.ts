import { NextRequest, type NextFetchEvent } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { classifyRoute, readsSession, webhookRoutes } from "@/lib/routes";
import runMiddleware from "../../middleware";
import { countStatements } from "../support/sql-statements";

// A webhook or upload route opts into larger bodies and out of the session in src/lib/routes.ts
// (webhookRoutes); every other POST stays capped at 16 KiB and every other API needs a session.
const APP = "http://localhost:3000";
const middleware = (req: NextRequest) => runMiddleware(req, {} as NextFetchEvent);
const post = (path: string, bytes: number) =>
  new NextRequest(`${APP}${path}`, {
    method: "POST",
    headers: { "content-length": String(bytes), "content-type": "application/json", "stripe-signature": "t=1,v1=x" },
  });
const passedOn = (response: Response) => response.headers.get("x-middleware-next") === "1";

afterEach(() => {
  delete webhookRoutes["/api/webhooks/provider"];
});

describe("webhook routes", () => {
  it("by default there are none: a 100 KiB POST is refused (413) and an API without a session gets 401", async () => {
    expect((await middleware(post("/api/webhooks/provider", 100 * 1024))).status).toBe(413);
    expect((await middleware(post("/api/webhooks/provider", 100))).status).toBe(401);
  });

  it("a listed route takes bodies up to its own cap, with no session and no session read", async () => {
    webhookRoutes["/api/webhooks/provider"] = { maxBodyBytes: 1024 * 1024 };
    let response: Response | undefined;
    const sql = await countStatements(async () => {
      response = await middleware(post("/api/webhooks/provider", 512 * 1024));
    });
    expect(passedOn(response!)).toBe(true);
    expect(sql).toEqual([]);
    expect(classifyRoute("/api/webhooks/provider")).toBe("public");
    expect(readsSession("/api/webhooks/provider")).toBe(false);
    expect((await middleware(post("/api/webhooks/provider", 1024 * 1024 + 1))).status).toBe(413);
  });

  it("the opt-in is by exact path: a neighbour, a sub-path or an inherited name gets nothing", async () => {
    webhookRoutes["/api/webhooks/provider"] = { maxBodyBytes: 1024 * 1024 };
    for (const path of [
      "/api/webhooks/provider/x",
      "/api/webhooks/providers",
      "/api/webhooks/PROVIDER",
      "/constructor",
    ]) {
      expect((await middleware(post(path, 100 * 1024))).status, path).toBe(413);
      expect(classifyRoute(path), path).not.toBe("public");
    }
  });
});
