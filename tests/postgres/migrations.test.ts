import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMA_DIR } from "../../scripts/database.mjs";
import { lastMigration, MIGRATIONS_DIR, snapshotSchema } from "../../scripts/migrations.mjs";

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
    const snapshot = snapshotSchema(lastMigration()!);
    try {
      const sql = execFileSync(
        "npx",
        [
          "prisma",
          "migrate",
          "diff",
          "--from-schema-datamodel",
          snapshot,
          "--to-schema-datamodel",
          SCHEMA_DIR,
          "--script",
        ],
        { env: process.env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
      expect(sql).toContain("This is an empty migration.");
      expect(sql).not.toMatch(/CREATE|ALTER|DROP/);
    } finally {
      rmSync(snapshot, { recursive: true, force: true });
    }
  });
});
