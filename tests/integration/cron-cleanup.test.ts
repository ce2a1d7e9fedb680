import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { classifyRoute, readsSession } from "@/lib/routes";
import { db } from "@/server/db";
import { runAppWith } from "../support/app-environment";
import { randomIp } from "../support/random";
import { DAY, sessionFor } from "../support/sessions";
import { createUser } from "../support/users";

// /api/cron/cleanup: the cleanup for serverless hosts, called by a scheduler with CRON_SECRET as
// its Bearer token. The guessing attacks are in tests/attacks/cron-secret.test.ts.
const CRON_SECRET = "cron-secret-for-tests-0123456789abcdef";
runAppWith({ CRON_SECRET });

const call = (headers: Record<string, string>) =>
  new NextRequest("http://localhost:3000/api/cron/cleanup", {
    headers: { "x-forwarded-for": randomIp(), ...headers },
  });

describe("/api/cron/cleanup", () => {
  it("with the right Bearer token, deletes what is expired and leaves the rest", async () => {
    const { GET } = await import("@/app/api/cron/cleanup/route");
    const user = await createUser();
    const expired = await sessionFor(user.id, { ageMs: 40 * DAY, idleMs: 40 * DAY });
    const live = await sessionFor(user.id);
    const response = await GET(call({ authorization: `Bearer ${CRON_SECRET}` }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    // The count may be another file's cleanup's to report (they share the database): the row is what counts.
    expect(await response.json()).toEqual({ deleted: expect.objectContaining({ sessions: expect.any(Number) }) });
    expect(await db.session.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: live.id } })).not.toBeNull();
  });

  // (Whether rows stay is not asserted here: other files' cleanups share the database.)
  it("answers 401 without the token or with a wrong one", async () => {
    const { GET } = await import("@/app/api/cron/cleanup/route");
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer wrong" }, { authorization: CRON_SECRET }];
    for (const headers of attempts) {
      const response = await GET(call(headers));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthorized" });
    }
  });

  it("is public to middleware, which reads no session for it", () => {
    expect(classifyRoute("/api/cron/cleanup")).toBe("public");
    expect(readsSession("/api/cron/cleanup")).toBe(false);
    expect(classifyRoute("/api/cron/other")).toBe("protected-api");
  });

  it("is the path vercel.json schedules", () => {
    const vercel = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../vercel.json"), "utf8")) as {
      crons: { path: string; schedule: string }[];
    };
    expect(vercel.crons).toEqual([{ path: "/api/cron/cleanup", schedule: expect.stringMatching(/^\S+( \S+){4}$/) }]);
  });
});
