import path from "node:path";
import { config as loadEnv } from "dotenv";
import { defineConfig } from "prisma/config";
import { schemaProvider } from "./scripts/database.mjs";
import { AtomicMigrationsPg } from "./prisma/atomic-migrations";
import { CatalogPool } from "./prisma/pg-catalog-workaround";
import { databaseKind } from "./src/server/database/adapter";
import { SqliteAdapter } from "./src/server/database/sqlite-adapter";

// prisma.config.ts turns off Prisma's own .env loading, so load the same files Next does.
loadEnv({ path: [".env.local", ".env"], quiet: true });

const provider = schemaProvider();
// Without a URL even `prisma generate` falls back to native engines and tries to download them. A
// SQLite project has a default; a PostgreSQL one gets a stand-in that the commands which open the
// database refuse (databaseUrl below), so `npm install` still generates the client.
const UNSET = "postgresql://unset/set-DATABASE_URL";
process.env.DATABASE_URL ??= provider === "sqlite" ? "file:./prisma/dev.db" : UNSET;

/** The database the CLI works on; asked for only by the commands that open one. */
function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (url && url !== UNSET && databaseKind(url) === provider) return url;
  throw new Error(
    provider === "postgresql"
      ? "This project is on PostgreSQL: set DATABASE_URL to a postgresql:// URL (in .env.local or the environment)."
      : 'This project is on SQLite: DATABASE_URL must be a file: URL. To move to PostgreSQL, run "npm run db:use-postgres" once.',
  );
}

export default defineConfig({
  schema: path.join("prisma", "schema"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = databaseUrl();
    return provider === "postgresql"
      ? // Each migration applies whole or not at all (prisma/atomic-migrations.ts).
        new AtomicMigrationsPg(new CatalogPool({ connectionString: url }))
      : new SqliteAdapter(url);
  },
});
