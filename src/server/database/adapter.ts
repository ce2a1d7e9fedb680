// No `import "server-only"`: the Prisma CLI config, the scripts and the test harness open the
// database through this module too, outside Next.js.
import { PrismaPg } from "@prisma/adapter-pg";
import { SQLITE_LOCK_WAIT_MS, SqliteAdapter } from "./sqlite-adapter";

/**
 * Which database a DATABASE_URL names. The Prisma schema's provider must agree: a project is on
 * SQLite until `npm run db:use-postgres` switches it, once (docs/decisions/0016-postgresql.md).
 */
export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(url: string): DatabaseKind {
  // libsql speaks SQLite: a local file, or a libsql server / Turso over libsql:, http(s): or ws(s):.
  if (/^(file|libsql|https?|wss?):/.test(url)) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    'DATABASE_URL must be a SQLite file ("file:./prisma/dev.db"), a libsql URL, or a PostgreSQL URL ("postgresql://user:password@host:5432/db").',
  );
}

/**
 * A new PostgreSQL connection that gets no answer in this long fails, so a request during an outage
 * gets "unavailable" instead of hanging (node-postgres waits forever by default).
 */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5000;

/**
 * The driver adapter for a DATABASE_URL: libsql for SQLite, node-postgres for PostgreSQL with a pool
 * of `poolSize` connections (DATABASE_POOL_SIZE for the app; node-postgres's 10 otherwise).
 */
export function createDatabaseAdapter(url: string, { poolSize = 10 } = {}): PrismaPg | SqliteAdapter {
  return databaseKind(url) === "postgresql"
    ? new PrismaPg({ connectionString: url, max: poolSize, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS })
    : new SqliteAdapter(url);
}

/**
 * What a PrismaClient for DATABASE_URL is made with, for the app (src/server/db.ts) and for every
 * script and test that opens the database beside it, so they wait for locks the same way.
 * On SQLite a transaction may wait as long to *start* (Prisma's `maxWait`, default 2 s) as a single
 * write waits for another connection's lock (SQLITE_LOCK_WAIT_MS): starting one takes the write
 * lock up front (./sqlite-adapter.ts), so under load from another process the default 2 s fails a
 * user's write with P2028 "Unable to start a transaction in the given time" while a plain write
 * would have gone through (docs/decisions/0019-sqlite-transactions-under-load.md).
 */
export function databaseClientOptions(url: string, { poolSize = 10 } = {}) {
  return {
    adapter: createDatabaseAdapter(url, { poolSize }),
    ...(databaseKind(url) === "sqlite" ? { transactionOptions: { maxWait: SQLITE_LOCK_WAIT_MS } } : {}),
  };
}

/** Prisma's own words when the client was generated for the other database, made actionable. */
export function explainProviderMismatch(error: unknown, url: string): unknown {
  if (!(error instanceof Error) || !/is not compatible with the provider/.test(error.message)) return error;
  const kind = databaseKind(url);
  const fix =
    kind === "postgresql"
      ? 'This project is still on SQLite: run `npm run db:use-postgres` once (README, "Move to PostgreSQL").'
      : "This project has been switched to PostgreSQL: set DATABASE_URL to a postgresql:// URL.";
  return new Error(`DATABASE_URL names a ${kind} database, but the Prisma schema is for the other one. ${fix}`, {
    cause: error,
  });
}
