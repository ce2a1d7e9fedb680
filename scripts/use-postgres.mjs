#!/usr/bin/env node
// `npm run db:use-postgres`: moves this project from SQLite to PostgreSQL, once, before it has
// production data (docs/decisions/0016-postgresql.md). It
//  1. sets the schema's provider to "postgresql";
//  2. replaces the SQLite migration history with one PostgreSQL migration that builds the same
//     schema (with its snapshot, so `npm run db:new-migration` diffs from it as before);
//  3. regenerates the Prisma client.
// Then: DATABASE_URL=postgresql://… in .env.local, and `npm run db:migrate`.
// It moves no data: a SQLite database with users in it is copied over by hand (README).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SCHEMA_FILE, schemaProvider } from "./database.mjs";

const MIGRATIONS = path.join("prisma", "migrations");

if (schemaProvider() === "postgresql") {
  console.log("This project is on PostgreSQL already; nothing to do.");
  process.exit(0);
}

const schema = readFileSync(SCHEMA_FILE, "utf8");
writeFileSync(SCHEMA_FILE, schema.replace(/(datasource\s+\w+\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"'));
if (schemaProvider() !== "postgresql") throw new Error(`Could not set the provider in ${SCHEMA_FILE}.`);

// The diff reads only the schema; the CLI still wants a PostgreSQL URL to pick its engine.
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" };
if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) env.DATABASE_URL = "postgresql://localhost:5432/unused";
const npx = (args, options = {}) => execFileSync("npx", ["prisma", ...args], { env, encoding: "utf8", ...options });
const sql = npx(["migrate", "diff", "--from-empty", "--to-schema-datamodel", SCHEMA_FILE, "--script"], {
  stdio: ["ignore", "pipe", "inherit"],
});

for (const entry of readdirSync(MIGRATIONS, { withFileTypes: true })) {
  if (entry.isDirectory()) rmSync(path.join(MIGRATIONS, entry.name), { recursive: true });
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS, `${stamp}_init_postgresql`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
writeFileSync(path.join(dir, "schema.prisma.snapshot"), readFileSync(SCHEMA_FILE, "utf8"));
writeFileSync(path.join(MIGRATIONS, "migration_lock.toml"), 'provider = "postgresql"\n');

npx(["generate"], { stdio: "inherit" });
console.log(`
This project is on PostgreSQL now (${dir}).
Next:
  1. Put DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DATABASE in .env.local
     (README, "Move to PostgreSQL": Neon, Supabase, RDS).
  2. npm run db:migrate
  3. For the test suites: TEST_DATABASE_URL=postgresql://… (a database they may empty).
Commit the changed schema and migrations.`);
