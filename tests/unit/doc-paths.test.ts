import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every repository path that README, docs/ and the code's comments name must exist: a newcomer
// follows them. Generated files (the development database) are named as such below. An ADR may
// keep a path that no longer exists only on a line that says it is historical ("historical: …").
const root = path.resolve(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", ".git", "test-results", "playwright-report", "bench"]);
const GENERATED = [/^prisma\/dev\.db(-wal|-shm|-journal)?$/, /^\.env\.local$/];
const TEXT = /\.(md|ts|tsx|mjs|js|sh|prisma|yml|toml)$|^\.ci\/run$|(^|\/)Dockerfile$|^\.env\.example$|^renovate\.json$/;

function files(dir = ""): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    if (
      SKIP.has(entry.name) ||
      entry.name.startsWith(".next") ||
      [".tmp", ".outbox", ".react-email"].includes(entry.name)
    ) {
      return [];
    }
    const child = dir ? `${dir}/${entry.name}` : entry.name;
    return entry.isDirectory() ? files(child) : [child];
  });
}

// A path starts at a top-level folder or is a top-level file of this repository.
const PATH =
  /(?<![\w./@$-])((?:src|tests|scripts|prisma|emails|docs|\.ci|\.github|public)\/(?:[\w.@-]+|\[[\w.]+\]|\([\w-]+\))(?:\/(?:[\w.@-]+|\[[\w.]+\]|\([\w-]+\)))*\/?|(?:auth|middleware|prisma\.config|vitest\.config|playwright(?:\.multi)?\.config|tailwind\.config)\.ts|next\.config\.mjs|\.env\.example|Dockerfile|\.dockerignore|renovate\.json|vercel\.json|SECURITY\.md)(?![\w/])/g;

/** The paths a file names, without module specifiers (`from "prisma/config"` is a package). */
export function namedPaths(file: string, text: string): { path: string; line: string }[] {
  const code = !file.endsWith(".md");
  return text.split("\n").flatMap((raw) => {
    const line = code ? raw.replace(/(from\s+|import\(\s*|require\(\s*)["'][^"']*["']/g, "") : raw;
    return [...line.matchAll(PATH)].map((match) => ({
      path: match[1]!.replace(/[.]+$/, ""),
      line: raw.trim(),
    }));
  });
}

describe("paths named in the docs and comments", () => {
  it("all exist", () => {
    const missing: string[] = [];
    for (const file of files().filter((name) => TEXT.test(name))) {
      for (const named of namedPaths(file, readFileSync(path.join(root, file), "utf8"))) {
        if (existsSync(path.join(root, named.path)) || GENERATED.some((pattern) => pattern.test(named.path))) continue;
        if (file.startsWith("docs/decisions/") && /historical/i.test(named.line)) continue;
        missing.push(`${file}: ${named.path}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it("the check finds a stale path, and leaves module names and generated files alone", () => {
    // Built from pieces, so this file does not name the stale path itself.
    const stale = ["src", "server", "session-read.ts"].join("/");
    const found = namedPaths(
      "a.ts",
      `// see ${stale} and README\nimport { defineConfig } from "prisma/config";\n// prisma/dev.db`,
    ).map((named) => named.path);
    expect(found).toEqual([stale, "prisma/dev.db"]);
    expect(existsSync(path.join(root, found[0]!))).toBe(false);
    expect(GENERATED.some((pattern) => pattern.test(found[1]!))).toBe(true);
  });

  it("README's links to its own sections (the contents, the cross-references) land on a heading", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    // GitHub's anchors: lowercase, punctuation dropped, spaces to hyphens.
    const anchors = new Set(
      [...readme.matchAll(/^#{2,4} (.+)$/gm)].map((heading) =>
        heading[1]!
          .toLowerCase()
          .replace(/[^\w\- ]/g, "")
          .replace(/ /g, "-"),
      ),
    );
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((link) => link[1]!);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
  });
});
