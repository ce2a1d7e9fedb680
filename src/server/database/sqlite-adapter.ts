// No `import "server-only"`: besides the app, the Prisma CLI config and the test harness open the
// database through this adapter, outside Next.js.
import { setTimeout as sleep } from "node:timers/promises";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type { Client, Config, TransactionMode } from "@libsql/client";

/** How long a write waits, in all, for another connection's write lock before giving up. */
export const SQLITE_LOCK_WAIT_MS = 10_000;

/**
 * The libsql driver adapter, made to wait for locks instead of failing on them.
 *
 * libsql opens local SQLite connections with a busy timeout of 0: a write that meets another
 * connection's write lock (a second app instance, `npm run db:seed`, a test writing fixtures)
 * fails at once with "database is locked" (Prisma P1008 "Operation has timed out"). Letting
 * SQLite wait (`PRAGMA busy_timeout`) is no cure: libsql's calls are synchronous, so the wait
 * freezes the whole process, and when the lock belongs to another client in the same process (a
 * Next.js build holds one per layer: middleware, pages, route handlers) that client can't finish
 * its transaction, and the wait ends in P1008 all the same (tests/integration/sqlite-locks.test.ts).
 * So we wait on the event loop instead, with a growing pause: a statement on its own and the start
 * of a transaction fail without effect when busy, so retrying them is safe. A commit is never
 * refused: SQLite files run in WAL mode (`prepareDatabase` in ./db.ts), where readers don't hold
 * up a writer's commit.
 * Transactions start IMMEDIATE (the write lock is taken, or waited for, up front), so one that
 * reads and then writes can't fail half-way because another connection wrote in between.
 */
export class SqliteAdapter extends PrismaLibSQL {
  constructor(url: string) {
    super({ url });
  }

  override createClient(config: Config): Client {
    return waitingForLocks(() => super.createClient(config));
  }
}

function isBusy(error: unknown): boolean {
  const { code, rawCode } = error as { code?: unknown; rawCode?: unknown };
  return (typeof rawCode === "number" && (rawCode & 0xff) === 5) || code === "SQLITE_BUSY";
}

/** Runs `attempt` until it is not refused for a lock, pausing longer each time, within SQLITE_LOCK_WAIT_MS. */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, onBusy?: () => void): Promise<T> {
  const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      onBusy?.();
      if (Date.now() >= deadline) throw error;
      await sleep(pause / 2 + Math.random() * pause);
    }
  }
}

/** A property of a libsql object, with methods bound to it (they use private fields, which a Proxy can't reach). */
function own(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property);
  return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/**
 * A statement refused for a lock is never reset by libsql, and keeps its connection's lock until
 * it is garbage-collected (seen: another process then can't write at all). So the connection it
 * ran on is closed and the next try opens a new one.
 */
function waitingForLocks(open: () => Client): Client {
  let current = open();
  const onBusy = () => {
    current.close();
    current = open();
  };
  return new Proxy(current, {
    get(_, property) {
      if (property === "execute" || property === "batch") {
        return (...args: unknown[]) =>
          retryWhileBusy(() => (own(current, property) as (...args: unknown[]) => Promise<unknown>)(...args), onBusy);
      }
      if (property === "transaction") {
        return async (mode: TransactionMode = "write") =>
          retryWhileBusy(() => current.transaction(mode === "deferred" ? "write" : mode), onBusy);
      }
      // executeMultiple runs several statements: one may have run before another was refused.
      return own(current, property);
    },
  });
}
