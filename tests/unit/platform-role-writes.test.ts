import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Attack: grant yourself admin through a form (`role=admin` smuggled into the profile, sign-up or
 * any other body). Every form's schema drops fields it does not name, and this holds the other
 * half: the only code that writes User.role is src/server/admin/roles.ts (called by /admin after
 * step-up and by `npm run user:role`). Any other `user.create/update/upsert(…)` naming `role` fails
 * here. The HTTP side of the attack is tests/attacks/admin-access.spec.ts.
 */
const ROOT = path.resolve(__dirname, "../../src");
const ALLOWED = new Set([path.join(ROOT, "server/admin/roles.ts")]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Where the bracket opened just before `from` closes. */
function closing(source: string, from: number, open: string, close: string): number {
  let depth = 1;
  let i = from;
  while (i < source.length && depth > 0) {
    if (source[i] === open) depth++;
    if (source[i] === close) depth--;
    i++;
  }
  return i - 1;
}

/** What each `user.<write>(…)` call in `source` writes: its argument, less its `where: {…}` filters. */
function userWrites(source: string): string[] {
  const calls: string[] = [];
  for (const match of source.matchAll(/\buser\.(create|createMany|update|updateMany|upsert)\s*\(/g)) {
    const start = match.index + match[0].length;
    let args = source.slice(start, closing(source, start, "(", ")"));
    for (let where = args.search(/\bwhere\s*:\s*\{/); where !== -1; where = args.search(/\bwhere\s*:\s*\{/)) {
      const open = args.indexOf("{", where) + 1;
      args = args.slice(0, where) + args.slice(closing(args, open, "{", "}") + 1);
    }
    calls.push(args);
  }
  return calls;
}

describe("who writes User.role", () => {
  it("only src/server/admin/roles.ts", () => {
    const offenders: string[] = [];
    let writes = 0;
    for (const file of sourceFiles(ROOT)) {
      for (const args of userWrites(readFileSync(file, "utf8"))) {
        writes++;
        if (/\brole\b/.test(args) && !ALLOWED.has(file)) offenders.push(path.relative(ROOT, file));
      }
    }
    expect(writes).toBeGreaterThan(5); // the scan sees the app's user writes
    expect(offenders).toEqual([]);
  });
});
