#!/usr/bin/env node
// Creates prisma/migrations/<timestamp>_<name>/migration.sql by diffing the schema as of the
// last committed migration against prisma/schema.prisma.
//
// Why not `prisma migrate dev`: it does not work on the JS schema engine, and
// `migrate diff --from-migrations` produces wrong SQL there (docs/decisions/0001-prisma-js-engine.md).
// Each migration folder keeps a copy of the schema it produces (schema.prisma.snapshot), so the next
// diff starts from exactly what the migrations build.
//
// Usage: npm run db:new-migration -- add_user_locale
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { schemaProvider } from "./database.mjs";

const MIGRATIONS = path.join("prisma", "migrations");
const SCHEMA = path.join("prisma", "schema.prisma");
const SNAPSHOT = "schema.prisma.snapshot";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lowercase letters, digits and underscores)");
  process.exit(1);
}

const previous = existsSync(MIGRATIONS)
  ? readdirSync(MIGRATIONS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
      .at(-1)
  : undefined;

const from = previous ? ["--from-schema-datamodel", path.join(MIGRATIONS, previous, SNAPSHOT)] : ["--from-empty"];

const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", SCHEMA, "--script"], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});

if (!/^\s*(CREATE|ALTER|DROP|INSERT|PRAGMA)/im.test(sql)) {
  console.log("The schema has not changed since the last migration; nothing to do.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(SCHEMA, path.join(dir, SNAPSHOT));
if (!existsSync(path.join(MIGRATIONS, "migration_lock.toml"))) {
  writeFileSync(path.join(MIGRATIONS, "migration_lock.toml"), `provider = "${schemaProvider()}"\n`);
}
console.log(`Created ${dir}/migration.sql. Apply it with: npm run db:migrate`);
