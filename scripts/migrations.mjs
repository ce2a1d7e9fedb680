// The committed migration history and the schema snapshot kept with each migration. A snapshot is
// the schema the migrations up to and including that one build, one file per schema file
// (prisma/schema/auth.prisma → auth.prisma.snapshot), so `npm run db:new-migration` diffs from
// exactly what the migrations build. The extension keeps editors and Prisma from reading a
// snapshot as a second copy of the schema.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SCHEMA_DIR } from "./database.mjs";

export const MIGRATIONS_DIR = path.join("prisma", "migrations");
const SNAPSHOT = ".snapshot";

/** The newest migration's folder, or undefined before the first migration. */
function lastMigration() {
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
function snapshotSchema(migrationDir) {
  const schema = mkdtempSync(path.join(tmpdir(), "schema-snapshot-"));
  for (const file of readdirSync(migrationDir).filter((name) => name.endsWith(`.prisma${SNAPSHOT}`))) {
    copyFileSync(path.join(migrationDir, file), path.join(schema, file.slice(0, -SNAPSHOT.length)));
  }
  return schema;
}

/**
 * The SQL that takes the database the migrations build (the last snapshot; before any migration,
 * an empty one) to the schema in prisma/schema/. Prisma's own messages go to `stderr`.
 * @param {{ stderr?: "pipe" | "inherit" }} [options]
 */
export function sqlSinceLastMigration({ stderr = "pipe" } = {}) {
  const last = lastMigration();
  const snapshot = last && snapshotSchema(last);
  const from = snapshot ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  try {
    return execFileSync(
      "npx",
      ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", SCHEMA_DIR, "--script"],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", stderr],
      },
    );
  } finally {
    if (snapshot) rmSync(snapshot, { recursive: true, force: true });
  }
}
