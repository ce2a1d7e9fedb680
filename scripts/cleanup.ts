// `npm run db:cleanup`: delete expired sessions and tokens, old rate-limit counters, and security
// events past their retention. The server also does this every few hours on its own.
import { config as loadEnv } from "dotenv";

loadEnv({ path: [".env.local", ".env"], quiet: true });

async function main() {
  const { cleanupExpiredRecords } = await import("../src/server/cleanup");
  const { db } = await import("../src/server/db");
  const removed = await cleanupExpiredRecords();
  await db.$disconnect();
  console.log(
    "Removed:",
    Object.entries(removed)
      .map(([table, count]) => `${table} ${count}`)
      .join(", "),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
