import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** The demo account has a published password: it must never reach a real deployment. */
describe("npm run db:seed", () => {
  it.each([
    ["NODE_ENV=production", { NODE_ENV: "production" as const }],
    ["a mail key set (whatever NODE_ENV says)", { NODE_ENV: "development" as const, AUTH_RESEND_KEY: "re_live_key" }],
  ])("refuses with %s", (_label, extra) => {
    const run = spawnSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], {
      env: { ...process.env, ...extra },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("does not run in production or where AUTH_RESEND_KEY is set");
  });
});
