// No `import "server-only"`: besides the app, the Prisma CLI config and the test harness open the
// database through this adapter, outside Next.js.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type { Client, Config, TransactionMode } from "@libsql/client";

/** How long a statement waits for another process's write lock before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * The libsql driver adapter, made to wait for locks instead of failing on them.
 *
 * libsql opens local SQLite connections with a busy timeout of 0: a write that meets another
 * process's write lock (a second app instance, `npm run db:seed`, Prisma Studio, a test writing
 * fixtures) fails at once with "database is locked" (Prisma P1008/P2010) instead of waiting the
 * few milliseconds the other write takes. This sets SQLite's busy timeout on each connection
 * before it is used; the local client opens a new connection each time it hands one to a
 * transaction. Transactions start IMMEDIATE (the write lock is taken, or waited for, up front), so
 * one that reads and then writes can't fail half-way because another process wrote in between.
 */
export class SqliteAdapter extends PrismaLibSQL {
  constructor(url: string) {
    super({ url });
  }

  override createClient(config: Config): Client {
    return waitingForLocks(super.createClient(config));
  }
}

function waitingForLocks(client: Client): Client {
  let unprepared = true;
  const prepare = async () => {
    if (!unprepared) return;
    unprepared = false;
    await client.execute(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "execute" || property === "batch" || property === "executeMultiple") {
        const method = Reflect.get(target, property, receiver) as (...args: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          await prepare();
          return method.apply(target, args);
        };
      }
      if (property === "transaction") {
        return async (mode: TransactionMode = "write") => {
          await prepare();
          const transaction = await target.transaction(mode === "deferred" ? "write" : mode);
          // That connection now belongs to the transaction; the next call gets a new one.
          unprepared = true;
          return transaction;
        };
      }
      // Everything else runs on the client itself: its methods and getters read private fields
      // (`close()` reads `#db`), which fail on the proxy and would hide the error being handled.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
