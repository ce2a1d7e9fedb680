#!/usr/bin/env node
// `npm run db:use-postgres`: moves this project from SQLite to PostgreSQL, once, before it has
// production data (docs/decisions/0016-postgresql.md). It
//  1. sets the schema's provider to "postgresql";
//  2. replaces the SQLite migration history with one PostgreSQL migration that builds the same
//     schema (with its snapshot, so `npm run db:new-migration` diffs from it as before);
//  3. regenerates the Prisma client.
// Usage: with DATABASE_URL=postgresql://… in .env.local (or the environment), a database that is
// reachable (the schema engine connects even to diff): `npm run db:use-postgres`, then
// `npm run db:migrate`.
// It moves no data: a SQLite database with users in it is copied over by hand (README).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config as loadEnv } from "dotenv";
import { SCHEMA_DIR, SCHEMA_FILE, schemaProvider } from "./database.mjs";
import { MIGRATIONS_DIR, saveSnapshot } from "./migrations.mjs";

if (schemaProvider() === "postgresql") {
  console.log("This project is on PostgreSQL already; nothing to do.");
  process.exit(0);
}

loadEnv({ path: [".env.local", ".env"], quiet: true });
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) {
  console.error(
    "Set DATABASE_URL to your PostgreSQL database first (in .env.local or the environment), for example\n" +
      "  DATABASE_URL=postgresql://postgres:postgres@localhost:5432/gatehouse npm run db:use-postgres",
  );
  process.exit(1);
}

const schema = readFileSync(SCHEMA_FILE, "utf8");
writeFileSync(SCHEMA_FILE, schema.replace(/(datasource\s+\w+\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"'));
if (schemaProvider() !== "postgresql") throw new Error(`Could not set the provider in ${SCHEMA_FILE}.`);

const npx = (args, options = {}) => execFileSync("npx", ["prisma", ...args], { encoding: "utf8", ...options });
let sql;
try {
  sql = npx(["migrate", "diff", "--from-empty", "--to-schema-datamodel", SCHEMA_DIR, "--script"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
} catch {
  // Nothing is half-switched: the schema goes back to SQLite and the migrations were not touched.
  writeFileSync(SCHEMA_FILE, schema);
  console.error("\nThe project is still on SQLite. Check that DATABASE_URL's server is running, then try again.");
  process.exit(1);
}

for (const entry of readdirSync(MIGRATIONS_DIR, { withFileTypes: true })) {
  if (entry.isDirectory()) rmSync(path.join(MIGRATIONS_DIR, entry.name), { recursive: true });
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_init_postgresql`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
saveSnapshot(dir);
writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');

npx(["generate"], { stdio: "inherit" });
console.log(`
This project is on PostgreSQL now (${dir}).
Next:
  1. npm run db:migrate   (creates the tables in DATABASE_URL's database)
  2. For the test suites: TEST_DATABASE_URL=postgresql://… (a database they may empty).
Commit the changed schema and migrations.`);
