import { execFileSync } from "node:child_process";
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { CatalogPool } from "../../prisma/pg-catalog-workaround";

/**
 * prisma/pg-catalog-workaround.ts exists only while @prisma/adapter-pg can't read PostgreSQL's
 * `name` type, which the offline schema engine's catalog queries return. These tests say when it
 * is still needed, that it works, and that the app's own path never uses it.
 */
const url = process.env.DATABASE_URL!;
const catalogQuery = { sql: "SELECT current_database()::name AS db", args: [], argTypes: [] };

describe("the PostgreSQL catalog workaround", () => {
  it("is still needed: plain adapter-pg refuses a `name` column (delete the workaround when this fails)", async () => {
    const adapter = await new PrismaPg({ connectionString: url }).connect();
    try {
      await expect(adapter.queryRaw(catalogQuery)).rejects.toMatchObject({
        cause: { kind: "UnsupportedNativeDataType", type: "name" },
      });
    } finally {
      await adapter.dispose();
    }
  });

  it("reads a `name` column as text, inside and outside transactions", async () => {
    const adapter = await new PrismaPg(new CatalogPool({ connectionString: url })).connect();
    try {
      const plain = await adapter.queryRaw(catalogQuery);
      expect(plain.rows[0]?.[0]).toEqual(expect.any(String));
      const transaction = await adapter.startTransaction();
      const inside = await transaction.queryRaw(catalogQuery);
      await transaction.commit();
      expect(inside.rows[0]).toEqual(plain.rows[0]);
    } finally {
      await adapter.dispose();
    }
  });

  it("lets the CLI read the migration state the way the README tells users to", () => {
    const status = execFileSync("npx", ["prisma", "migrate", "status"], { env: process.env, encoding: "utf8" });
    expect(status).toContain("Database schema is up to date!");
  });
});
