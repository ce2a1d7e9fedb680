import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/safe-redirect";

const BASE = "http://localhost:3000";

describe("callbackUrl sanitiser", () => {
  it.each(["/dashboard", "/account?tab=1#x", "/a/b", "/%2F%2Fevil.example"])("keeps the same-origin path %s", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "http://localhost:3000/x",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "%2F%2Fevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/.//evil.example",
    "",
    "/" + "a".repeat(3000),
  ])("sends %j to the dashboard instead", (input) => {
    expect(safeCallbackPath(input)).toBe("/dashboard");
  });

  it("falls back for anything that is not a string", () => {
    for (const input of [undefined, null, 42, {}, ["/x"]]) expect(safeCallbackPath(input)).toBe("/dashboard");
  });

  it("never returns something a browser would read as another host", () => {
    const hostile = [
      "//evil.example/%2e%2e",
      "/%5Cevil.example",
      "/..//evil.example",
      "/./\\evil.example",
      "///evil.example",
      "/\r\n//evil.example",
      " //evil.example",
      "data:text/html,<script>alert(1)</script>",
    ];
    for (const input of hostile) {
      const out = safeCallbackPath(input);
      expect(out.startsWith("/")).toBe(true);
      expect(out.startsWith("//")).toBe(false);
      expect(out.startsWith("/\\")).toBe(false);
    }
  });

  it("Auth.js's redirect callback keeps our origin and nothing else", () => {
    expect(safeRedirectUrl(`${BASE}/x?y=1`, BASE)).toBe(`${BASE}/x?y=1`);
    expect(safeRedirectUrl("/x", BASE)).toBe(`${BASE}/x`);
    expect(safeRedirectUrl("https://evil.example/x", BASE)).toBe(`${BASE}/dashboard`);
    expect(safeRedirectUrl("//evil.example", BASE)).toBe(`${BASE}/dashboard`);
    expect(safeRedirectUrl(`${BASE}.evil.example/x`, BASE)).toBe(`${BASE}/dashboard`);
  });
});
