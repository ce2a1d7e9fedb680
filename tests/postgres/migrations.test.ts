import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * On PostgreSQL the migration history starts with the one migration `npm run db:use-postgres`
 * wrote, and the last migration's snapshot must be the schema (else a migration was forgotten).
 * (The CLI can't diff a live database through a driver adapter; the whole integration suite runs on
 * the database these migrations built.)
 */
const migrations = path.join("prisma", "migrations");
const last = readdirSync(migrations, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .at(-1)!;

describe("PostgreSQL migrations", () => {
  it("start from one migration made for PostgreSQL", () => {
    expect(readFileSync(path.join(migrations, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  it("end at the schema: a diff from the last snapshot finds nothing", () => {
    const snapshot = path.join(migrations, last, "schema.prisma.snapshot");
    const sql = execFileSync(
      "npx",
      [
        "prisma",
        "migrate",
        "diff",
        "--from-schema-datamodel",
        snapshot,
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { env: process.env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(sql).not.toMatch(/CREATE|ALTER|DROP/);
  });
});
