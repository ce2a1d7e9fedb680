import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config from "../../prisma.config";

/**
 * A migration applies whole or not at all, through the adapter the CLI itself gets from
 * prisma.config.ts (prisma/atomic-migrations.ts), in a scratch schema of the test database.
 */
const url = process.env.DATABASE_URL!;
// What the CLI gets from prisma.config.ts: defineConfig wraps the factory, and its adapters answer
// with results ({ ok, value | error }) instead of throwing.
type Result<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message?: string } };
interface CliAdapter {
  executeScript(script: string): Promise<Result<void>>;
  dispose(): Promise<Result<void>>;
}
const cli = config as unknown as { adapter(): Promise<{ connect(): Promise<Result<CliAdapter>> }> };
const schema = `atomic_${process.pid}`;
const scratch = new pg.Pool({ connectionString: url });

const tablesIn = async () =>
  (
    await scratch.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
      [schema],
    )
  ).rows.map((row) => row.table_name);

/** A migration whose second statement fails (the table is already there). */
const failsOnSecond = `CREATE TABLE "${schema}"."first" ("id" INTEGER);
CREATE TABLE "${schema}"."first" ("id" INTEGER);
CREATE TABLE "${schema}"."third" ("id" INTEGER);`;

/** Semicolons the splitter would cut at: in a string default and in a $$ function body. */
const withSemicolons = `CREATE TABLE "${schema}"."notes" ("body" TEXT NOT NULL DEFAULT 'a;b');
-- a comment; with a semicolon
CREATE FUNCTION "${schema}".touch() RETURNS trigger AS $$
BEGIN
  NEW."body" := NEW."body" || ';';
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER notes_touch BEFORE INSERT ON "${schema}"."notes" FOR EACH ROW EXECUTE FUNCTION "${schema}".touch();`;

/** Runs `script` the way `prisma migrate deploy` does here. */
async function applyAsTheCli(script: string): Promise<Result<void>> {
  const connected = await (await cli.adapter()).connect();
  if (!connected.ok) throw new Error(`no adapter: ${connected.error.kind}`);
  try {
    return await connected.value.executeScript(script);
  } finally {
    await connected.value.dispose();
  }
}

beforeAll(async () => {
  await scratch.query(`CREATE SCHEMA "${schema}"`);
});
afterAll(async () => {
  await scratch.query(`DROP SCHEMA "${schema}" CASCADE`);
  await scratch.end();
});

describe("PostgreSQL migrations through the CLI's adapter", () => {
  it("a migration that fails on its second statement leaves no trace", async () => {
    const result = await applyAsTheCli(failsOnSecond);
    expect(result).toMatchObject({ ok: false, error: { kind: "postgres", code: "42P07" } });
    expect(await tablesIn()).toEqual([]);
  });

  it("a migration with a $$ function body and DEFAULT 'a;b' applies, whole", async () => {
    expect(await applyAsTheCli(withSemicolons)).toMatchObject({ ok: true });
    await scratch.query(`INSERT INTO "${schema}"."notes" DEFAULT VALUES`);
    const { rows } = await scratch.query<{ body: string }>(`SELECT "body" FROM "${schema}"."notes"`);
    expect(rows).toEqual([{ body: "a;b;" }]);
    await scratch.query(`DROP TABLE "${schema}"."notes"; DROP FUNCTION "${schema}".touch()`);
  });

  it("is still needed: plain adapter-pg leaves the failed migration half-applied (delete the fix when this fails)", async () => {
    const adapter = await new PrismaPg({ connectionString: url }).connect();
    try {
      await expect(adapter.executeScript(failsOnSecond)).rejects.toThrow();
    } finally {
      await adapter.dispose();
    }
    expect(await tablesIn()).toEqual(["first"]);
    await scratch.query(`DROP TABLE "${schema}"."first"`);
  });
});
