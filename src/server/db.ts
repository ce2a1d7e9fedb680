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
