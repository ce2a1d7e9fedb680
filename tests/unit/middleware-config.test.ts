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

  it("leaves out Auth.js's own endpoints and Next's static files", () => {
    expect(topLevel.matcher).toHaveLength(1);
    const [matcher] = topLevel.matcher;
    expect(matcher).toContain("api/auth");
    expect(matcher).toContain("_next/static");
    expect(matcher).toContain("_next/image");
  });
});
