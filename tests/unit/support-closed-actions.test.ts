import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The code side of tests/attacks/support-access.spec.ts: every server action under /account is
 * the user's alone (a support session is refused), except the profile's name. An action is one of
 * `export const x = securityAction(…)`, or an `export async function` that checks
 * `session.supportAccess` itself (the passkey ceremony, connecting GitHub). A new action that is
 * neither fails here until it says which it is.
 */
const ACCOUNT = path.resolve(__dirname, "../../src/app/(app)/account");
const OPEN_DURING_SUPPORT = new Set(["updateProfileAction"]);

function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return name === "actions.ts" ? [full] : [];
  });
}

describe("account actions during support access", () => {
  it("are all closed to a support session, but the profile's", () => {
    const open: string[] = [];
    let counted = 0;
    for (const file of actionFiles(ACCOUNT)) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/export const (\w+) = (\w+)\(/g)) {
        counted++;
        if (match[2] !== "securityAction" && !OPEN_DURING_SUPPORT.has(match[1]!)) open.push(match[1]!);
      }
      for (const match of source.matchAll(/export async function (\w+)\([^)]*\)[^{]*\{/g)) {
        counted++;
        const body = source.slice(match.index + match[0].length, source.indexOf("\n}\n", match.index));
        const helper = /await (\w+)\(\)/.exec(body)?.[1];
        const checks = (text: string) => text.includes("supportAccess");
        const helperBody = helper ? source.slice(source.indexOf(`function ${helper}(`)) : "";
        if (!checks(body) && !checks(helperBody.slice(0, helperBody.indexOf("\n}\n")))) open.push(match[1]!);
      }
    }
    expect(counted).toBeGreaterThan(20);
    expect(open).toEqual([]);
  });
});
