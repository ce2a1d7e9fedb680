import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/safe-redirect";

const BASE = "http://localhost:3000";
const FALLBACK = "/dashboard";

/** Inputs that must be refused outright: the user lands on the fallback. */
const refused = [
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
];

/** Everything an attacker might put in ?callbackUrl= to send a signed-in user elsewhere. */
const hostile: unknown[] = [
  ...refused,
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/%2F%2Fevil.example",
  "/%5C%5Cevil.example",
  "/\r\n//evil.example",
  "/..//evil.example",
  "/a/..//evil.example",
  "/%2e//evil.example",
  "/%2e%2e//evil.example",
  "/./\\evil.example",
  "///evil.example",
  " //evil.example",
  "//evil.example/%2e%2e",
  undefined,
  null,
  42,
  {},
  ["/x"],
];

describe("a callbackUrl after sign-in (safeCallbackPath)", () => {
  it.each(["/dashboard", "/account?tab=1#x", "/a/b"])("keeps the same-site path %j", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each(refused)("sends %j to the dashboard instead", (input) => {
    expect(safeCallbackPath(input)).toBe(FALLBACK);
  });

  it("sends anything that is not a string to the dashboard", () => {
    for (const input of [undefined, null, 42, {}, ["/x"], true]) expect(safeCallbackPath(input)).toBe(FALLBACK);
  });

  it("an encoded double slash may stay, but never turns into a real one", () => {
    const out = safeCallbackPath("/%2F%2Fevil.example");
    expect(out.startsWith("/")).toBe(true);
    expect(out.startsWith("//")).toBe(false);
  });

  it("uses the fallback the caller asks for", () => {
    expect(safeCallbackPath("//evil.example", "/account")).toBe("/account");
  });

  it("never returns something a browser would read as another host", () => {
    for (const input of hostile) {
      const out = safeCallbackPath(input);
      expect(out.startsWith("/"), JSON.stringify(input)).toBe(true);
      expect(out.startsWith("//"), JSON.stringify(input)).toBe(false);
      expect(out.startsWith("/\\"), JSON.stringify(input)).toBe(false);
      expect(out, JSON.stringify(input)).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
  });
});

describe("Auth.js's redirect callback (safeRedirectUrl)", () => {
  it("keeps an absolute URL on our own origin", () => {
    expect(safeRedirectUrl(`${BASE}/x`, BASE)).toBe(`${BASE}/x`);
    expect(safeRedirectUrl(`${BASE}/x?y=1#z`, BASE)).toBe(`${BASE}/x?y=1#z`);
  });

  it("puts a relative path on our origin", () => {
    expect(safeRedirectUrl("/x", BASE)).toBe(`${BASE}/x`);
  });

  it.each([
    "https://evil.example/x",
    "//evil.example",
    `${BASE}.evil.example/x`,
    `${BASE}@evil.example/x`,
    `${BASE}//evil.example`,
    `${BASE}/\\evil.example`,
  ])("sends %j to the dashboard on our origin", (url) => {
    expect(safeRedirectUrl(url, BASE)).toBe(`${BASE}/dashboard`);
  });

  it("always answers with a URL on our origin", () => {
    for (const input of hostile.filter((i): i is string => typeof i === "string")) {
      const out = new URL(safeRedirectUrl(input, BASE));
      expect(out.origin, input).toBe(BASE);
      expect(out.pathname.startsWith("//"), input).toBe(false);
    }
  });
});
