import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@prisma/client";
import { env } from "./env";

function createClient() {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: env.DATABASE_URL }) });
}

// One client per process; in development it survives hot reloads.
const globalForDb = globalThis as unknown as { db?: PrismaClient };

export const db = globalForDb.db ?? createClient();

if (env.NODE_ENV !== "production") globalForDb.db = db;

/**
 * SQLite files run in WAL mode, so readers (another process, `prisma studio`) never wait on a
 * writer. The setting is stored in the file; this makes sure of it at start-up.
 */
export async function prepareDatabase(): Promise<void> {
  if (!env.DATABASE_URL.startsWith("file:")) return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}
