import { PrismaClient } from "@prisma/client";
import { databaseClientOptions } from "../../../src/server/database/adapter";
import { E2E_DATABASE_URL } from "../env";

/** The e2e app's database, for asserting what a flow left behind. */
export const db = new PrismaClient(databaseClientOptions(E2E_DATABASE_URL));

/**
 * Runs a write from the test while the app writes to the same SQLite file: SQLite answers "busy"
 * (Prisma P1008) when two processes' transactions overlap, so the test tries again.
 */
export async function writeWithRetry<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code !== "P1008" || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
