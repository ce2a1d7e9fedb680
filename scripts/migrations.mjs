// The committed migration history and the schema snapshot kept with each migration. A snapshot is
// the schema the migrations up to and including that one build, one file per schema file
// (prisma/schema/auth.prisma → auth.prisma.snapshot), so `npm run db:new-migration` diffs from
// exactly what the migrations build. The extension keeps editors and Prisma from reading a
// snapshot as a second copy of the schema.
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SCHEMA_DIR } from "./database.mjs";

export const MIGRATIONS_DIR = path.join("prisma", "migrations");
const SNAPSHOT = ".snapshot";

/** The newest migration's folder, or undefined before the first migration. */
export function lastMigration() {
  if (!existsSync(MIGRATIONS_DIR)) return undefined;
  const last = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .at(-1);
  return last && path.join(MIGRATIONS_DIR, last);
}

/** Saves the current schema as `migrationDir`'s snapshot. */
export function saveSnapshot(migrationDir) {
  for (const file of readdirSync(SCHEMA_DIR).filter((name) => name.endsWith(".prisma"))) {
    copyFileSync(path.join(SCHEMA_DIR, file), path.join(migrationDir, file + SNAPSHOT));
  }
}

/** `migrationDir`'s snapshot as a schema folder that `prisma migrate diff` can read (a new temporary folder). */
export function snapshotSchema(migrationDir) {
  const schema = mkdtempSync(path.join(tmpdir(), "schema-snapshot-"));
  for (const file of readdirSync(migrationDir).filter((name) => name.endsWith(`.prisma${SNAPSHOT}`))) {
    copyFileSync(path.join(migrationDir, file), path.join(schema, file.slice(0, -SNAPSHOT.length)));
  }
  return schema;
}
