import path from "node:path";
import { config as loadEnv } from "dotenv";
import { defineConfig } from "prisma/config";
import { SqliteAdapter } from "./src/server/sqlite-adapter";

// prisma.config.ts turns off Prisma's own .env loading, so load the same files Next does.
loadEnv({ path: [".env.local", ".env"], quiet: true });
// Without a URL the CLI falls back to native engines and tries to download them.
process.env.DATABASE_URL ??= "file:./prisma/dev.db";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new SqliteAdapter(process.env.DATABASE_URL!);
  },
});
