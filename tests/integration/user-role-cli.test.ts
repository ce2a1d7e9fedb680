import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createUser, uniqueEmail } from "../support/users";

const adminAudit = (target: string) =>
  db.auditEvent.findMany({ where: { target, organizationId: null }, select: { action: true, actorId: true } });

// Starts the CLI as a process: in the "processes" group (vitest.config.ts), which runs on its own.
describe("npm run user:role", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/user-role.ts", ...args], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });

  it("makes a user an admin (audited as the command line), and refuses in production without --yes", async () => {
    const email = uniqueEmail("first-admin");
    await createUser({ email });
    const refused = run([email, "admin"], { NODE_ENV: "production" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("add --yes");
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ role: "user" });

    const made = run([email, "admin"]);
    expect(made.stdout).toContain("is now an admin");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("admin");
    expect(await adminAudit(user.id)).toEqual([{ action: "user.role-changed", actorId: null }]);
    expect(run(["nobody@example.com", "admin"]).stderr).toContain("No account has the address");
  });
});
