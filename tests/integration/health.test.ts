import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { classifyRoute, readsSession } from "@/lib/routes";

describe("/api/health", () => {
  it("answers 200 {status: ok} when the database answers SELECT 1, never cached", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("is public, and middleware reads no session for it", () => {
    expect(classifyRoute("/api/health")).toBe("public");
    expect(readsSession("/api/health")).toBe(false);
    expect(readsSession("/api/healthz")).toBe(true);
    expect(classifyRoute("/api/health/x")).toBe("protected-api");
  });
});
