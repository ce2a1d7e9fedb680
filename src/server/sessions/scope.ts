import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { RequestInfo, SessionRead } from "./read";

/**
 * The request a session read belongs to, for the adapter (src/server/auth/adapter.ts), which
 * Auth.js calls with nothing but the cookie's value. Middleware and the Auth.js endpoints open a
 * scope around their `auth()` / handler call; the adapter then reads the database once (./read.ts),
 * with the client's address and user agent for the activity record, and leaves what it found here
 * for middleware: the pending second-factor state and whether the database answered at all, which
 * Auth.js's session response has no room for.
 *
 * After middleware, pages, route handlers and server actions get the session from `auth()`, which
 * answers from what middleware handed over (./header.ts) without asking Auth.js or the adapter.
 */
export interface SessionScope {
  info: RequestInfo;
  /**
   * Middleware: a session waiting for its second factor is still handed to Auth.js, marked
   * pending, so its cookie is kept and middleware can send it to /sign-in/two-factor. Everywhere
   * else it is no session.
   */
  keepPending: boolean;
  /** What the one read found (undefined: no read happened yet). */
  read?: SessionRead | null;
  /** The read failed because the database can't be reached (503, the cookie kept). */
  databaseDown?: boolean;
}

const storage = new AsyncLocalStorage<SessionScope>();

export function withSessionScope<T>(scope: SessionScope, work: () => T): T {
  return storage.run(scope, work);
}

export function currentSessionScope(): SessionScope | undefined {
  return storage.getStore();
}
