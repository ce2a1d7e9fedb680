import { describe, expect, it } from "vitest";
import { runAppWith } from "../support/app-environment";
import { allowConsoleError } from "../support/console-guard";

// This file's app opens a database that can't be reached: a SQLite file in a directory that does
// not exist, or on PostgreSQL a port nothing listens on.
runAppWith({
  DATABASE_URL: process.env.DATABASE_URL?.startsWith("file:")
    ? "file:/nonexistent-dir/gatehouse-down.db"
    : "postgresql://postgres@127.0.0.1:1/gatehouse_down",
});

describe("/api/health with the database down", () => {
  it("answers 503 {status: unavailable}, no-store, with nothing about the error in the body", async () => {
    allowConsoleError(/\[health\] database unavailable/);
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ status: "unavailable" });
    expect(body).not.toMatch(/nonexistent|sqlite|postgres|prisma|connect|error/i);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
