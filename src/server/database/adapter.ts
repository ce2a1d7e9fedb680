// No `import "server-only"`: the Prisma CLI config, the scripts and the test harness open the
// database through this module too, outside Next.js.
import { PrismaPg } from "@prisma/adapter-pg";
import { SqliteAdapter } from "./sqlite-adapter";

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
