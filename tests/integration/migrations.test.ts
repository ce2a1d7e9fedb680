import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { SCHEMA_DIR } from "../../scripts/database.mjs";
import { sqlSinceLastMigration } from "../../scripts/migrations.mjs";

/**
 * The committed migrations are the only way the database schema is built, so prove that they
 * produce exactly the schema in prisma/schema/: compare a database built by the migrations (this run's
 * test database) with one built straight from the schema (the SQL Prisma generates for it from
 * empty, executed into a new file).
 */
const pushedFile = path.join(tmpdir(), `gatehouse-pushed-${process.pid}.db`);

function prisma(args: string[], databaseUrl: string): string {
  return execFileSync("npx", ["prisma", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function describeSchema(client: Client) {
  const tables = await client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name",
  );
  const shape: Record<string, unknown> = {};
  for (const { name } of tables.rows) {
    const table = String(name);
    const pragma = async (sql: string) => (await client.execute(sql)).rows.map((row) => ({ ...row }));
    const indexes = await pragma(`PRAGMA index_list("${table}")`);
    shape[table] = {
      // By name, without position: ALTER TABLE appends columns, and their order carries no meaning.
      columns: (await pragma(`PRAGMA table_info("${table}")`))
        .map(({ cid: _position, ...column }) => column)
        .sort((a, b) => String(a.name).localeCompare(String(b.name))),
      foreignKeys: await pragma(`PRAGMA foreign_key_list("${table}")`),
      indexes: await Promise.all(
        indexes
          .sort((a, b) => String(a.name).localeCompare(String(b.name)))
          .map(async (index) => ({
            name: index.name,
            unique: index.unique,
            columns: (await pragma(`PRAGMA index_info("${String(index.name)}")`)).map((c) => c.name),
          })),
      ),
    };
  }
  return shape;
}

afterAll(() => rmSync(pushedFile, { force: true }));

describe("migrations", () => {
  it("applied to an empty database, produce exactly the schema in prisma/schema/", async () => {
    const schemaSql = prisma(
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", SCHEMA_DIR, "--script"],
      process.env.DATABASE_URL!,
    );
    const migrated = createClient({ url: process.env.DATABASE_URL! });
    const pushed = createClient({ url: `file:${pushedFile}` });
    try {
      await pushed.executeMultiple(schemaSql);
      const [fromMigrations, fromSchema] = await Promise.all([describeSchema(migrated), describeSchema(pushed)]);
      expect(Object.keys(fromSchema)).toEqual(
        expect.arrayContaining(["Account", "Session", "User", "VerificationToken"]),
      );
      expect(fromMigrations).toEqual(fromSchema);
    } finally {
      migrated.close();
      pushed.close();
    }
  });

  it("the last migration's schema snapshot matches prisma/schema/ (no migration is missing)", () => {
    const sql = sqlSinceLastMigration();
    expect(sql).toContain("This is an empty migration.");
    expect(sql).not.toMatch(/CREATE|ALTER|DROP/i);
  });
});
