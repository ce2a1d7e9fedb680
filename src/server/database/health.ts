import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db";

/**
 * Is the database there? One place that answers it, for /api/health and for anything else that
 * must tell "the database is down" (503, try again) apart from a bug (500).
 */

/** Prisma's codes for "can't reach / timed out / connection closed" (P1002: reached but timed out). */
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
/** Socket errors a driver passes on when the server is down, restarting or cut off. */
const UNREACHABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "SQLITE_CANTOPEN",
]);
/**
 * Messages with no code: pg's "Connection terminated (unexpectedly)", SQLite's "unable to open
 * database file", libsql's native "Failed to connect to database", Prisma's "Can't reach database server".
 */
const UNREACHABLE_MESSAGE =
  /Connection terminated|unable to open database|Failed to connect to database|Can't reach database server/i;

/** How long /api/health waits for `SELECT 1`: a hung connection is as bad as a refused one. */
export const HEALTH_CHECK_TIMEOUT_MS = 3000;

export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some(isUnreachable);
}

function isUnreachable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  // A raw query that could not reach the server is P2010 with the reason only in its message.
  if (error instanceof Prisma.PrismaClientKnownRequestError && UNREACHABLE_PRISMA_CODES.has(error.code)) return true;
  if (typeof error !== "object" || error === null) return false;
  const { code, message, name, cause } = error as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    cause?: unknown;
  };
  if (typeof code === "string" && UNREACHABLE_SOCKET_CODES.has(code)) return true;
  // A driver adapter's own error carries Prisma's kind of failure in `cause` (a plain object).
  if (name === "DriverAdapterError" && typeof cause === "object" && cause !== null) {
    const kind = (cause as { kind?: unknown }).kind;
    if (kind === "DatabaseNotReachable" || kind === "SocketTimeout" || kind === "ConnectionClosed") return true;
  }
  return typeof message === "string" && UNREACHABLE_MESSAGE.test(message);
}

/** The error, its `cause` chain and the errors of an AggregateError (a host with two addresses). */
function causes(error: unknown, depth = 0): unknown[] {
  if (depth > 5 || typeof error !== "object" || error === null) return [error];
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  const nested = [cause, ...(Array.isArray(errors) ? errors : [])].filter((e) => e !== undefined);
  return [error, ...nested.flatMap((e) => causes(e, depth + 1))];
}

/** `SELECT 1` through the app's client, within HEALTH_CHECK_TIMEOUT_MS. Throws when it can't. */
export async function pingDatabase(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          Object.assign(new Error(`the database did not answer within ${HEALTH_CHECK_TIMEOUT_MS} ms`), {
            code: "ETIMEDOUT",
          }),
        ),
      HEALTH_CHECK_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
