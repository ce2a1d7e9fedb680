import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, sqlSinceLastMigration } from "../../scripts/migrations.mjs";

/**
 * On PostgreSQL the migration history starts with the one migration `npm run db:use-postgres`
 * wrote, and the last migration's snapshot must be the schema (else a migration was forgotten).
 * (The CLI can't diff a live database through a driver adapter; the whole integration suite runs on
 * the database these migrations built.)
 */
describe("PostgreSQL migrations", () => {
  it("start from one migration made for PostgreSQL", () => {
    expect(readFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  it("end at the schema: a diff from the last snapshot finds nothing", () => {
    const sql = sqlSinceLastMigration();
    expect(sql).toContain("This is an empty migration.");
    expect(sql).not.toMatch(/CREATE|ALTER|DROP/);
  });
});
