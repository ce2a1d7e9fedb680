/**
 * One app process's worth of writes, for tests/integration/sqlite-locks.test.ts: two Prisma
 * clients (a Next.js build holds one per layer: middleware, pages, route handlers) counting the
 * same rate limit and writing in interactive transactions, all at once. Prints what failed.
 * Usage: DATABASE_URL=file:… node --import tsx tests/support/concurrent-writer.ts <key> <count>
 */
import { PrismaClient } from "@prisma/client";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { databaseClientOptions } from "../../src/server/database/adapter";

/** The limiter's writes on one client, and a transaction that waits between its writes on the other. */
export async function concurrentWrites(clients: PrismaClient[], key: string, count: number): Promise<string[]> {
  const limiters = clients.map(
    (storeClient) => new RateLimiterPrisma({ storeClient, keyPrefix: "concurrent", points: 100_000, duration: 600 }),
  );
  const work = Array.from({ length: count }, async (_, i) => {
    await limiters[i % 2]!.consume(key);
    await clients[(i + 1) % 2]!.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: `${key}-${i}-${process.pid}@example.com` } });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await tx.user.update({ where: { id: user.id }, data: { name: "written" } });
    });
  });
  const results = await Promise.allSettled(work);
  return results.flatMap((result) =>
    result.status === "rejected" ? [`${(result.reason as { code?: string }).code ?? ""} ${String(result.reason)}`] : [],
  );
}

if (process.argv[1]?.endsWith("concurrent-writer.ts")) {
  const [key = "concurrent", count = "20"] = process.argv.slice(2);
  const clients = [0, 1].map(() => new PrismaClient(databaseClientOptions(process.env.DATABASE_URL!)));
  const failures = await concurrentWrites(clients, key, Number(count));
  process.stdout.write(JSON.stringify({ failures: failures.map((f) => f.slice(0, 300)) }));
  await Promise.all(clients.map((client) => client.$disconnect()));
}
