#!/usr/bin/env node
// Creates prisma/migrations/<timestamp>_<name>/migration.sql by diffing the schema as of the
// last committed migration against prisma/schema/.
//
// Why not `prisma migrate dev`: it does not work on the JS schema engine, and
// `migrate diff --from-migrations` produces wrong SQL there (docs/decisions/0001-prisma-js-engine.md).
// Each migration folder keeps a copy of the schema it produces (its snapshot: scripts/migrations.mjs),
// so the next diff starts from exactly what the migrations build.
//
// Usage: npm run db:new-migration -- add_user_locale
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { schemaProvider } from "./database.mjs";
import { MIGRATIONS_DIR, saveSnapshot, sqlSinceLastMigration } from "./migrations.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lowercase letters, digits and underscores)");
  process.exit(1);
}

const sql = sqlSinceLastMigration({ stderr: "inherit" });

if (!/^\s*(CREATE|ALTER|DROP|INSERT|PRAGMA)/im.test(sql)) {
  console.log("The schema has not changed since the last migration; nothing to do.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
saveSnapshot(dir);
if (!existsSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"))) {
  writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), `provider = "${schemaProvider()}"\n`);
}
console.log(`Created ${dir}/migration.sql. Apply it with: npm run db:migrate`);
