import { describe, expect, it } from "vitest";
import { cn } from "@/lib/class-names";
import { buildSecurityHeaders, createNonce, nonceFromPolicy } from "@/lib/security-headers";
import { parseTheme, THEME_SCRIPT } from "@/lib/theme";

describe("the theme", () => {
  it("is light or dark only when chosen; anything else, or nothing, is the system's", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    for (const value of [undefined, null, "", "DARK", "system", "dark ", ["dark"], "<script>"]) {
      expect(parseTheme(value)).toBe("system");
    }
  });

  it("script is self-contained source: it compiles alone and names nothing it does not define", () => {
    expect(() => new Function(THEME_SCRIPT)).not.toThrow();
    expect(THEME_SCRIPT).not.toMatch(/import|require|__webpack|_lib/);
  });

  it("its nonce is read from the policy middleware built, and from no other", () => {
    const nonce = createNonce();
    const policy = buildSecurityHeaders({ nonce, production: true, https: true })["Content-Security-Policy"]!;
    expect(nonceFromPolicy(policy)).toBe(nonce);
    expect(nonceFromPolicy(null)).toBeUndefined();
    expect(nonceFromPolicy("script-src 'self'")).toBeUndefined();
  });
});

describe("cn, shadcn/ui's class joiner", () => {
  it("lets a later Tailwind class of the same kind win, so a caller's className overrides a primitive's", () => {
    expect(cn("px-4 py-2 bg-primary", "px-2", false && "hidden", undefined)).toBe("py-2 bg-primary px-2");
    expect(cn("text-muted-foreground", "text-primary")).toBe("text-primary");
  });
});
