/**
 * For the Prisma CLI on PostgreSQL only (prisma.config.ts); the app never loads this file.
 *
 * Why it exists: the schema engine applies each migration through the driver adapter's
 * `executeScript`, and @prisma/adapter-pg 6.x splits the script on every `;` and sends the pieces
 * one by one through its pool, each committed on its own. A migration that fails on its third
 * statement stays half-applied (and `migrate deploy` then refuses to go on), and a `;` inside a
 * string, a comment or a `$$` function body cuts a statement in two.
 *
 * What it does: sends the whole script as one simple query, which PostgreSQL runs as one
 * transaction: all of it applies, or none of it. (As with Prisma's native engine, a statement that
 * can't run inside a transaction, such as CREATE INDEX CONCURRENTLY, belongs in its own migration.)
 *
 * When to delete it: tests/postgres/atomic-migrations.test.ts fails the day adapter-pg's own
 * executeScript applies a script whole.
 */
import { PrismaPg } from "@prisma/adapter-pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function applyingScriptsWhole(adapter: Adapter): Adapter {
  const pool = adapter.underlyingDriver();
  // adapter-pg's own error mapping, so the CLI reports the database's error as it would.
  const mapError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      mapError(error);
    }
  };
  return adapter;
}

export class AtomicMigrationsPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    return applyingScriptsWhole(await super.connect());
  }
}
