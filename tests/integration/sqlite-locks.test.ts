import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { databaseClientOptions } from "@/server/database/adapter";
import { concurrentWrites } from "../support/concurrent-writer";
import { createUser, uniqueEmail } from "../support/users";

/**
 * Another process writing at the same moment (a second instance, the seed script, a test writing
 * fixtures) makes the app wait for SQLite's lock, not fail with "database is locked".
 */
function holdWriteLock(ms: number): Promise<() => Promise<void>> {
  const file = process.env.DATABASE_URL!;
  // Other test files write to this database at the same time: the holder waits its turn for the
  // lock (plain libsql answers SQLITE_BUSY at once), then keeps it for `ms`.
  const script = `
    const { createClient } = require("@libsql/client");
    (async () => {
      const client = createClient({ url: ${JSON.stringify(file)} });
      let tx;
      for (;;) {
        try {
          tx = await client.transaction("write");
          await tx.execute("UPDATE \\"User\\" SET \\"name\\" = \\"name\\" WHERE 0");
          break;
        } catch (error) {
          if (!/SQLITE_BUSY|database is locked/i.test(String(error))) throw error;
          tx?.close();
          tx = undefined;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      process.stdout.write("locked\\n");
      setTimeout(async () => { await tx.commit(); process.exit(0); }, ${ms});
    })();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const done = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.once("data", () => resolve(() => done));
    child.once("exit", (code) => reject(new Error(`the lock holder exited (${code}) without taking the lock`)));
  });
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

/** Runs tests/support/concurrent-writer.ts in its own process: what it reports failed. */
function writerProcess(key: string, count: number): Promise<string[]> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/concurrent-writer.ts", key, String(count)], {
    stdio: ["ignore", "pipe", "inherit"],
    env: process.env,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve((JSON.parse(output) as { failures: string[] }).failures) : reject(new Error(output)),
    ),
  );
}

const counted = async (key: string) =>
  (await db.rateLimiterFlexible.findUnique({ where: { key: `concurrent:${key}` } }))?.points;

describe("a transaction that must wait longer than Prisma's default 2 s to start (P2028)", () => {
  it("waits for another process's lock as long as a write would, and commits", async () => {
    // Held for 3 s: past Prisma's default maxWait, within SQLITE_LOCK_WAIT_MS.
    const released = await holdWriteLock(3000);
    const email = uniqueEmail("slow-start");
    await db.$transaction(async (tx) => {
      await tx.user.create({ data: { email } });
    });
    await released();
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

/** Processes that keep every core busy until stopped (at most `ms`): the load of a build beside the app. */
function burnCpu(ms: number): () => void {
  const burners = availableParallelism();
  const children = Array.from({ length: burners }, () =>
    spawn(process.execPath, ["-e", `const end = Date.now() + ${ms}; while (Date.now() < end) {}`], { stdio: "ignore" }),
  );
  return () => children.forEach((child) => child.kill());
}

describe("several clients writing at once (P1008 'Operation has timed out')", () => {
  // A Next.js build holds one database client per layer (middleware, pages, route handlers), so
  // one app process has several connections. A write that waited for the lock inside SQLite froze
  // the whole process, the other client's open transaction included, until it timed out.
  it("two clients in one process: every limiter write and transaction goes through", async () => {
    const other = new PrismaClient(databaseClientOptions(process.env.DATABASE_URL!));
    const key = uniqueEmail("one-process");
    expect(await concurrentWrites([db, other], key, 20)).toEqual([]);
    expect(await counted(key)).toBe(20);
    await other.$disconnect();
  });

  it("two app processes with two clients each, at once on one file: nothing fails, every write is counted", async () => {
    const key = uniqueEmail("two-processes");
    const failures = await Promise.all([writerProcess(key, 30), writerProcess(key, 30)]);
    expect(failures.flat()).toEqual([]);
    expect(await counted(key)).toBe(60);
  });

  it("the same, while other processes keep every core busy", async () => {
    const key = uniqueEmail("under-load");
    const stop = burnCpu(30_000);
    try {
      const failures = await Promise.all([writerProcess(key, 30), writerProcess(key, 30)]);
      expect(failures.flat()).toEqual([]);
    } finally {
      stop();
    }
    expect(await counted(key)).toBe(60);
  });
});
