import { describe, expect, it } from "vitest";
import { orgSlugProblem, slugFromName } from "@/lib/org-slug";

describe("organization slugs", () => {
  it("are suggested from the name: lower case, accents dropped, other characters one hyphen", () => {
    expect(slugFromName("Acme Corp")).toBe("acme-corp");
    expect(slugFromName("  Café  Olé!! ")).toBe("cafe-ole");
    expect(slugFromName("<a href=x>Evil</a>")).toBe("a-href-x-evil-a");
    expect(slugFromName("x".repeat(60))).toHaveLength(40);
    expect(slugFromName(`${"a".repeat(39)} b`)).toBe("a".repeat(39));
  });

  it("accept lower-case letters, digits and single inner hyphens", () => {
    for (const slug of ["acme", "acme-corp", "team-42", "a1b"]) expect(orgSlugProblem(slug), slug).toBeNull();
  });

  it("refuse what would not be one clean URL segment", () => {
    for (const slug of [
      "ab",
      "x".repeat(41),
      "Acme",
      "acme corp",
      "-acme",
      "acme-",
      "ac--me",
      "acme/x",
      "acme.",
      "ácme",
      "",
    ]) {
      expect(orgSlugProblem(slug), slug).not.toBeNull();
    }
  });

  it("refuse the words the app's own routes and staff use", () => {
    for (const slug of ["new", "admin", "api", "invite", "settings", "support"]) {
      expect(orgSlugProblem(slug), slug).toBe("That name is reserved. Choose another.");
    }
  });
});
