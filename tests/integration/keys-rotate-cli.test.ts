import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";

// Starts the CLI as a process: in the "processes" group (vitest.config.ts), which runs on its own.
describe("npm run keys:rotate", () => {
  const run = (env: Record<string, string> = {}) =>
    spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/rotate-keys.ts"], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });

  it("adds a key that signs from now on and keeps the one before it published", async () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    const keys = await db.signingKey.findMany({ orderBy: { generation: "desc" } });
    expect(keys.length).toBeGreaterThanOrEqual(2);
    const [newest, before] = keys;
    expect(newest!.retiredAt).toBeNull();
    expect(before!.retiredAt).not.toBeNull();
    expect(second.stdout).toContain(`New signing key ${newest!.id} signs service tokens from now on.`);
    expect(second.stdout).toContain(`The key before it, ${before!.id}, stays published for 360 s.`);
    expect(run({ AUTH_SECRET: "" }).stderr).toContain("AUTH_SECRET is not set");
  });
});
