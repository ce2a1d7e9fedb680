import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * /api/v1 is public to middleware (src/lib/routes.ts: it answers to API tokens, not sessions), so
 * a handler there that forgot to check its token would be open to anyone. Every handler a route
 * file under src/app/api/v1 exports must be `apiRoute("<scope>", …)`
 * (src/server/api-tokens/authenticate.ts). A new one written any other way fails here.
 */
const V1 = path.resolve(__dirname, "../../src/app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(name) ? [full] : [];
  });
}

describe("/api/v1 route handlers", () => {
  it("are all apiRoute(scope, …): none answers without checking its token", () => {
    const files = routeFiles(V1);
    expect(files.length).toBeGreaterThanOrEqual(3);
    const unchecked: string[] = [];
    let handlers = 0;
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      for (const method of METHODS) {
        const exported = new RegExp(`export\\s+(?:async\\s+)?(?:function|const|let|var)\\s+${method}\\b(.*)`).exec(
          source,
        );
        const reexported = new RegExp(`export\\s*\\{[^}]*\\b${method}\\b`).test(source);
        if (!exported && !reexported) continue;
        handlers++;
        if (reexported || !/^\s*=\s*apiRoute\(\s*"[a-z]+:[a-z]+"/.test(exported![1]!)) {
          unchecked.push(`${path.relative(V1, file)} ${method}`);
        }
      }
    }
    expect(handlers).toBeGreaterThanOrEqual(4);
    expect(unchecked).toEqual([]);
  });
});
