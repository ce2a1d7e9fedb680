import { describe, expect, it } from "vitest";
import { config as topLevel } from "../../middleware";
import { config as nextReads } from "@/middleware";

describe("middleware config", () => {
  it("the shim Next reads (src/middleware.ts) matches the top-level middleware.ts", () => {
    expect(nextReads).toEqual(topLevel);
  });

  it("runs on Node.js, outside Auth.js's own endpoints and static files", () => {
    expect(topLevel.runtime).toBe("nodejs");
    const [matcher] = topLevel.matcher;
    expect(matcher).toContain("api/auth");
    expect(matcher).toContain("_next/static");
  });
});
