import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { runAppWith } from "../support/app-environment";

// Without CRON_SECRET (hosts with a long-running server clean up on a timer), the route is not there.
runAppWith({ CRON_SECRET: "" });

describe("/api/cron/cleanup without CRON_SECRET", () => {
  it("answers 404 to any token, and counts nothing", async () => {
    const { GET } = await import("@/app/api/cron/cleanup/route");
    for (const authorization of ["", "Bearer ", "Bearer anything-at-all"]) {
      const response = await GET(
        new NextRequest("http://localhost:3000/api/cron/cleanup", { headers: { authorization } }),
      );
      expect(response.status).toBe(404);
    }
  });
});
