import { describe, expect, it } from "vitest";
import { config as topLevel } from "../../middleware";
import { config as nextReads } from "@/middleware";

describe("middleware config", () => {
  it("the copy Next reads (src/middleware.ts) is the same as the top-level middleware.ts", () => {
    expect(nextReads).toEqual(topLevel);
  });

  it("runs on Node.js, so it can look the database session up", () => {
    expect(topLevel.runtime).toBe("nodejs");
    expect(nextReads.runtime).toBe("nodejs");
  });

  // The matcher is a plain pattern (no named segments), so it reads as a regular expression.
  const runsOn = (path: string) => new RegExp(`^${topLevel.matcher[0]}$`).test(path);

  it("leaves out Auth.js's own endpoints and Next's static folders, by whole path segment", () => {
    expect(topLevel.matcher).toHaveLength(1);
    for (const path of [
      "/api/auth/session",
      "/api/auth/callback/resend",
      "/_next/static/chunks/app.js",
      "/_next/image",
      "/favicon.ico",
      "/icon.svg",
    ]) {
      expect(runsOn(path), path).toBe(false);
    }
  });

  it("covers everything else, including paths that only look like Auth.js or static files", () => {
    for (const path of [
      "/",
      "/dashboard",
      "/api/authx",
      "/api/protected/me",
      "/dashboard.txt",
      "/account/x.png",
      "/icons.svg",
      "/x/icon.svg",
      "/_nextx",
    ]) {
      expect(runsOn(path), path).toBe(true);
    }
  });
});
