import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaClient } from "@prisma/client";
import { describe, expect, it, vi } from "vitest";
import { databaseClientOptions } from "@/server/database/adapter";
import { runAppWith } from "../support/app-environment";

// The app's start-up check on SQLite databases of its own: prepareDatabase() puts the file in WAL
// mode, or refuses (src/instrumentation-node.ts then stops a production server).
runAppWith({ DATABASE_URL: "file::memory:" });

/** The app's database module, loaded for this DATABASE_URL (modules read it once). */
async function appDatabase(url: string) {
  process.env.DATABASE_URL = url;
  vi.resetModules();
  delete (globalThis as { db?: unknown }).db;
  return import("@/server/db");
}

async function journalModeSeenByAnotherClient(url: string): Promise<string> {
  const other = new PrismaClient(databaseClientOptions(url));
  try {
    const [row] = await other.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
    return row!.journal_mode;
  } finally {
    await other.$disconnect();
  }
}

describe("the SQLite journal mode at start-up", () => {
  it("puts a new file in WAL mode, as another client then sees it", async () => {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "gatehouse-journal-")), "app.db")}`;
    const { db, prepareDatabase } = await appDatabase(url);
    await prepareDatabase();
    await db.$disconnect();
    expect(await journalModeSeenByAnotherClient(url)).toBe("wal");
  });

  it("refuses a database SQLite can't put in WAL mode, naming the mode and the fix", async () => {
    // An in-memory database stays in journal_mode=memory: SQLite answers the same way, with the
    // mode it kept, for a file on a file system without the shared memory WAL needs.
    const { db, prepareDatabase, JournalModeError } = await appDatabase("file::memory:");
    const refusal = await prepareDatabase().catch((error: unknown) => error);
    await db.$disconnect();
    expect(refusal).toBeInstanceOf(JournalModeError);
    expect((refusal as Error).message).toMatch(/journal_mode=memory, not WAL/);
    expect((refusal as Error).message).toMatch(/stop, `npm run db:migrate`, start/);
  });
});
