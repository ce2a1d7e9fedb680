import { describe, expect, it } from "vitest";
import { isCanonicalEmail, normalizeEmail } from "@/lib/email";
import {
  ambiguousParams,
  bodySizeProblem,
  isSameOriginRequest,
  MAX_FORM_BODY_BYTES,
  repeatedParam,
} from "@/server/security/request-guards";

const APP = "http://localhost:3000";

describe("same-origin requests (login CSRF)", () => {
  it("needs Origin to be the app's own URL", () => {
    expect(isSameOriginRequest(new Headers({ origin: APP }))).toBe(true);
    expect(isSameOriginRequest(new Headers({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: "null" }))).toBe(false);
  });

  it("refuses a request with no Origin at all", () => {
    expect(isSameOriginRequest(new Headers())).toBe(false);
  });

  it("believes the browser's Sec-Fetch-Site over a forged Origin", () => {
    expect(isSameOriginRequest(new Headers({ origin: APP, "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: APP, "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: APP, "sec-fetch-site": "same-origin" }))).toBe(true);
  });
});

describe("parameters read once", () => {
  it("refuses a repeated email, token or code", () => {
    for (const name of ["email", "token", "code"]) {
      expect(repeatedParam(new URLSearchParams(`${name}=a&${name}=b`))).toContain(name);
    }
    expect(repeatedParam(new URLSearchParams("callbackUrl=a&callbackUrl=b"))).toBeNull();
  });

  it("links and API calls must name the address in canonical form", () => {
    expect(ambiguousParams(new URLSearchParams("email=ada%40example.com"))).toBeNull();
    expect(ambiguousParams(new URLSearchParams("email=Ada%40Example.com"))).toContain("canonical");
    expect(ambiguousParams(new URLSearchParams("email=%20ada%40example.com"))).toContain("canonical");
  });

  it("reads form bodies the same way", () => {
    const form = new FormData();
    form.append("email", "decoy@attacker.example");
    form.append("email", "victim@example.com");
    expect(ambiguousParams(form)).toContain("email");
  });
});

describe("one normalisation for every address", () => {
  it("trims, lowercases and folds full-width characters (NFKC)", () => {
    expect(normalizeEmail("  Ada@Example.COM ")).toBe("ada@example.com");
    expect(normalizeEmail("ada＠example.com")).toBe("ada@example.com");
    expect(isCanonicalEmail("ada@example.com")).toBe(true);
    expect(isCanonicalEmail("Ada@example.com")).toBe(false);
  });
});

describe("bounded bodies", () => {
  it("413 over the limit, 411 with no length, nothing to say otherwise", () => {
    expect(bodySizeProblem(new Headers({ "content-length": String(MAX_FORM_BODY_BYTES + 1) }))).toBe(413);
    expect(bodySizeProblem(new Headers({ "content-length": String(MAX_FORM_BODY_BYTES) }))).toBeNull();
    expect(bodySizeProblem(new Headers({ "transfer-encoding": "chunked" }))).toBe(411);
    expect(bodySizeProblem(new Headers({ "content-length": "-3" }))).toBe(411);
    expect(bodySizeProblem(new Headers())).toBeNull();
  });
});
