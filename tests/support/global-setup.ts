import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { emptyDatabase } from "../../scripts/database.mjs";

/** Applies the committed migrations to this run's database: a fresh SQLite file, or an emptied PostgreSQL one. */
export async function setup() {
  await emptyDatabase(process.env.DATABASE_URL!);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });
}

export async function teardown() {
  const url = process.env.DATABASE_URL!;
  if (url.startsWith("file:")) await emptyDatabase(url);
  if (process.env.OUTBOX_DIR) rmSync(process.env.OUTBOX_DIR, { recursive: true, force: true });
}
