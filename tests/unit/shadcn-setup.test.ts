import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npx shadcn add <component>` writes into the project as components.json says, imports `cn` from
// its `utils` alias and colours with the standard theme tokens. This checks all three point at
// what is here. (The CLI itself fetches from shadcn's registry, which this machine cannot reach.)
const root = path.resolve(__dirname, "../..");
const config = JSON.parse(readFileSync(path.join(root, "components.json"), "utf8"));
const css = readFileSync(path.join(root, config.tailwind.css), "utf8");

/** An `@/…` alias as tsconfig's paths map it: a folder, or a module with a .ts/.tsx file. */
function resolveAlias(alias: string): string | undefined {
  const base = path.join(root, "src", alias.replace(/^@\//, ""));
  return [base, `${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(candidate));
}

/** The custom properties one rule block defines (`:root {…}` or `.dark, … {…}`). */
function variablesIn(selector: RegExp): Set<string> {
  const block = selector.exec(css)?.[1] ?? "";
  return new Set([...block.matchAll(/--([a-z-]+):/g)].map((match) => match[1]!));
}

const TOKENS = [
  "background",
  "foreground",
  "card",
  "card-foreground",
  "popover",
  "popover-foreground",
  "primary",
  "primary-foreground",
  "secondary",
  "secondary-foreground",
  "muted",
  "muted-foreground",
  "accent",
  "accent-foreground",
  "destructive",
  "border",
  "input",
  "ring",
];

describe("shadcn/ui fits the project", () => {
  it("components.json names the Tailwind config, the stylesheet and aliases that exist", () => {
    expect(existsSync(path.join(root, config.tailwind.config))).toBe(true);
    expect(config.tailwind.cssVariables).toBe(true);
    expect(resolveAlias(config.aliases.ui)).toBe(path.join(root, "src/components/ui"));
    expect(readFileSync(resolveAlias(config.aliases.utils)!, "utf8")).toMatch(/export function cn\(/);
  });

  it("every standard theme token is defined for light and for dark, and mapped to a Tailwind colour", () => {
    const light = variablesIn(/:root\s*{([^}]*)}/);
    const dark = variablesIn(/\.dark,[^{]*{([^}]*)}/);
    const mapped = variablesIn(/@theme inline\s*{([^}]*)}/);
    for (const token of TOKENS) {
      expect(light, `--${token} in :root`).toContain(token);
      expect(dark, `--${token} in .dark`).toContain(token);
      expect(mapped, `--color-${token} in @theme inline`).toContain(`color-${token}`);
    }
    expect(light).toContain("radius");
  });

  it("the dark variant is the class (shadcn's) or the server's data-theme, not the media query alone", () => {
    expect(css).toMatch(
      /@custom-variant dark \(&:where\(\.dark, \.dark \*, \[data-theme="dark"\], \[data-theme="dark"\] \*\)\);/,
    );
  });
});
