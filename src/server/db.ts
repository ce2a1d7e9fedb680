import "server-only";
import { PrismaClient } from "@prisma/client";
import { env } from "./env";
import { databaseClientOptions, databaseKind, explainProviderMismatch } from "./database/adapter";

// Query events cost a little per statement, so they are on only where something listens:
// LOG_SQL=on prints every statement, and the tests count them.
const queryEvents = env.LOG_SQL === "on" || env.NODE_ENV === "test";

function createClient() {
  try {
    return new PrismaClient({
      // On SQLite a transaction waits to start as long as a write waits for a lock (./database/adapter.ts).
      ...databaseClientOptions(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE }),
      log: queryEvents ? [{ emit: "event" as const, level: "query" as const }] : [],
    });
  } catch (error) {
    throw explainProviderMismatch(error, env.DATABASE_URL);
  }
}

function createLoggedClient() {
  const client = createClient();
  if (env.LOG_SQL === "on") {
    client.$on("query", (event) =>
      console.log(`[sql] ${event.duration.toFixed(1)}ms ${event.query.replace(/\s+/g, " ").trim()}`),
    );
  }
  return client;
}

// One client per process; in development it survives hot reloads.
const globalForDb = globalThis as unknown as { db?: ReturnType<typeof createClient> };

export const db = globalForDb.db ?? createLoggedClient();

if (env.NODE_ENV !== "production") globalForDb.db = db;

/** A SQLite file that won't run in WAL mode (src/instrumentation-node.ts refuses to serve on it in production). */
export class JournalModeError extends Error {
  constructor(readonly mode: string) {
    super(
      `The SQLite file runs in journal_mode=${mode}, not WAL. Without WAL, a migration or a second process ` +
        "meets a locked database, and a table-rebuilding migration can lose rows written meanwhile. " +
        "Put the file on a local disk (WAL needs shared memory, which network and some virtual file systems lack), " +
        "or move to PostgreSQL (README). Apply migrations with the app stopped: stop, `npm run db:migrate`, start.",
    );
    this.name = "JournalModeError";
  }
}

/**
 * SQLite files run in WAL mode, so readers (another process, `prisma studio`) never wait on a
 * writer. The setting is stored in the file; this makes sure of it at start-up, and throws
 * JournalModeError when SQLite can't switch (it then answers with the mode it kept).
 */
export async function prepareDatabase(): Promise<void> {
  if (databaseKind(env.DATABASE_URL) !== "sqlite") return;
  const [row] = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode = WAL");
  const mode = String(row?.journal_mode ?? "unknown").toLowerCase();
  // A libsql server (libsql:, http:) keeps its own files; only a local file is ours to insist on.
  if (mode !== "wal" && env.DATABASE_URL.startsWith("file:")) throw new JournalModeError(mode);
}
