import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createUser, uniqueEmail } from "../support/users";

/**
 * Another process writing at the same moment (a second instance, the seed script, a test writing
 * fixtures) makes the app wait for SQLite's lock, not fail with "database is locked".
 */
function holdWriteLock(ms: number): Promise<() => Promise<void>> {
  const file = process.env.DATABASE_URL!;
  const script = `
    const { createClient } = require("@libsql/client");
    (async () => {
      const client = createClient({ url: ${JSON.stringify(file)} });
      const tx = await client.transaction("write");
      await tx.execute("UPDATE \\"User\\" SET \\"name\\" = \\"name\\" WHERE 0");
      process.stdout.write("locked\\n");
      setTimeout(async () => { await tx.commit(); process.exit(0); }, ${ms});
    })();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const done = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return new Promise((resolve) => child.stdout.once("data", () => resolve(() => done)));
}

describe("SQLite write locks held by another process", () => {
  it("a write waits for the lock and goes through", async () => {
    const user = await createUser();
    const released = await holdWriteLock(600);
    await db.user.update({ where: { id: user.id }, data: { name: "waited" } });
    await released();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("waited");
  });

  it("a transaction waits too, and commits whole", async () => {
    const released = await holdWriteLock(600);
    const email = uniqueEmail("locked-tx");
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email } });
      await tx.session.create({
        data: { userId: user.id, sessionToken: email, expires: new Date(Date.now() + 60_000) },
      });
    });
    await released();
    expect(await db.session.count({ where: { sessionToken: email } })).toBe(1);
  });
});
