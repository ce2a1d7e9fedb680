// Which database this project is on, read from the one place that decides it: the provider in
// prisma/schema/schema.prisma ("sqlite" until `npm run db:use-postgres` switches it). Shared by the
// scripts, the Prisma config and the test harness.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

/** The schema: every .prisma file in this folder (prisma.config.ts). */
export const SCHEMA_DIR = path.join("prisma", "schema");
/** The schema file with the datasource, which names the provider. */
export const SCHEMA_FILE = path.join(SCHEMA_DIR, "schema.prisma");

/** @returns {"sqlite" | "postgresql"} */
export function schemaProvider(schemaFile = SCHEMA_FILE) {
  const datasource = /datasource\s+\w+\s*\{([^}]*)\}/.exec(readFileSync(schemaFile, "utf8"))?.[1] ?? "";
  const provider = /provider\s*=\s*"(\w+)"/.exec(datasource)?.[1];
  if (provider !== "sqlite" && provider !== "postgresql") {
    throw new Error(`${schemaFile}: expected provider "sqlite" or "postgresql", found ${provider ?? "none"}.`);
  }
  return provider;
}

/**
 * The database a test run may wipe: on SQLite, the given fresh file; on PostgreSQL,
 * TEST_DATABASE_URL (never DATABASE_URL, so a test run can't empty the development database).
 * @param {string} sqliteFile
 */
export function testDatabaseUrl(sqliteFile) {
  if (schemaProvider() === "sqlite") return `file:${sqliteFile}`;
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(
      "This project is on PostgreSQL: set TEST_DATABASE_URL to a database the test suites may empty, " +
        'for example postgresql://postgres@localhost:5432/gatehouse_test (README, "Move to PostgreSQL").',
    );
  }
  return url;
}

/**
 * Empties a test database before the migrations are applied to it: removes a SQLite file (and its
 * journal), or drops and recreates PostgreSQL's public schema.
 * @param {string} url
 */
export async function emptyDatabase(url) {
  if (url.startsWith("file:")) {
    const file = url.replace(/^file:/, "");
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    return;
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}
