import { execFileSync } from "node:child_process";
import { createClient } from "@libsql/client";
import { rmSync } from "node:fs";

function dbPath(): string {
  return (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
}

/** Applies the committed migrations to this run's fresh SQLite file, in WAL mode like the app's. */
export async function setup() {
  rmSync(dbPath(), { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });
  const client = createClient({ url: process.env.DATABASE_URL! });
  await client.execute("PRAGMA journal_mode = WAL");
  client.close();
}

export function teardown() {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${dbPath()}${suffix}`, { force: true });
  if (process.env.OUTBOX_DIR) rmSync(process.env.OUTBOX_DIR, { recursive: true, force: true });
}
