import Redis from "ioredis";
import { db } from "@/server/db";
import type { LimitStore } from "@/server/security/limit-store";
import type { RateLimitName } from "@/server/security/rate-limit";
import { site } from "@/config/site";

/**
 * The stores the limiter's tests run on: the database always, and the Redis at TEST_REDIS_URL
 * when it is set (`npm run test:redis` sets it; .ci/redis.sh starts one). A Redis that is named
 * but unreachable fails the run: it is never skipped.
 */
export interface StoreUnderTest {
  name: string;
  store: LimitStore;
  /** Ends the window of `name` for `key` now, as time would. */
  expireNow(name: RateLimitName, key: string): Promise<void>;
  /** How many counters the store holds for `key`, across every limit. */
  countersFor(key: string): Promise<number>;
  /** Throws, naming the fix, when the store can't be reached. */
  reachable(): Promise<void>;
  close(): Promise<void>;
}

const database: StoreUnderTest = {
  name: "database",
  store: { kind: "database" },
  async expireNow(name, key) {
    await db.rateLimiterFlexible.updateMany({
      where: { key: `${name}:${key.toLowerCase()}` },
      data: { expire: new Date(Date.now() - 1000) },
    });
  },
  countersFor: (key) => db.rateLimiterFlexible.count({ where: { key: { contains: key.toLowerCase() } } }),
  reachable: async () => void (await db.rateLimiterFlexible.count()),
  close: async () => {},
};

function redisStore(url: string): StoreUnderTest {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on("error", () => {}); // reachable() reports it
  return {
    name: "redis",
    store: { kind: "redis", url },
    async expireNow(name, key) {
      // An expiry in the past deletes the key, as its real expiry would.
      await redis.pexpireat(`${site.slug}:${name}:${key.toLowerCase()}`, Date.now() - 1000);
    },
    countersFor: async (key) => (await redis.keys(`${site.slug}:*:${key.toLowerCase()}`)).length,
    async reachable() {
      try {
        if (redis.status !== "ready") await redis.connect();
        await redis.ping();
      } catch (error) {
        throw new Error(`TEST_REDIS_URL=${url} is not reachable (${String(error)}). Start one: .ci/redis.sh`);
      }
    },
    close: async () => redis.disconnect(),
  };
}

export const limitStores: StoreUnderTest[] = process.env.TEST_REDIS_URL
  ? [database, redisStore(process.env.TEST_REDIS_URL)]
  : [database];
