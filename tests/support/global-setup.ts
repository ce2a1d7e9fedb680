import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createClient } from "@libsql/client";
import { emptyDatabase } from "../../scripts/database.mjs";

/**
 * Applies the committed migrations to this run's database: a fresh SQLite file (in WAL mode, like
 * the app's), or an emptied PostgreSQL one.
 */
export async function setup() {
  const url = process.env.DATABASE_URL!;
  await emptyDatabase(url);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });
  if (url.startsWith("file:")) {
    const client = createClient({ url });
    await client.execute("PRAGMA journal_mode = WAL");
    client.close();
  }
}

export async function teardown() {
  const url = process.env.DATABASE_URL!;
  if (url.startsWith("file:")) await emptyDatabase(url);
  if (process.env.OUTBOX_DIR) rmSync(process.env.OUTBOX_DIR, { recursive: true, force: true });
}
