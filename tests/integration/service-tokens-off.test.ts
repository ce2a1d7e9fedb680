import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { runAppWith } from "../support/app-environment";

// SERVICE_TOKEN_AUDIENCES unset (blank counts as unset): service tokens are off. /api/token and
// the JWKS answer 404 before anything is read (no signing key is made for a feature that is off).
runAppWith({ SERVICE_TOKEN_AUDIENCES: "" });

describe("service tokens, off", () => {
  it("/api/token and /.well-known/jwks.json answer 404", async () => {
    const { POST } = await import("@/app/api/token/route");
    const { GET } = await import("@/app/.well-known/jwks.json/route");
    const token = await POST(
      new NextRequest("http://localhost:3000/api/token", {
        method: "POST",
        headers: { origin: "http://localhost:3000", "content-type": "application/json" },
        body: JSON.stringify({ audience: "orders-api" }),
      }),
    );
    expect(token.status).toBe(404);
    expect((await GET()).status).toBe(404);
  });
});
