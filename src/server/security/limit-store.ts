import "server-only";
import Redis from "ioredis";
import { RateLimiterPrisma, RateLimiterRedis } from "rate-limiter-flexible";
import { db } from "../db";
import { site } from "@/config/site";

/**
 * Where the limiter keeps its counters: the database (the default), or Redis when REDIS_URL is
 * set. Both hold across restarts and are shared by every app instance.
 */
export type LimitStore = { kind: "database" } | { kind: "redis"; url: string };
export type Limiter = RateLimiterPrisma | RateLimiterRedis;
export type LimiterOptions = { points: number; duration: number };

/** How long a refusal asks the user to wait while the store can't be reached. */
export const STORE_DOWN_RETRY_SECONDS = 60;

/** Longest a request waits for Redis: to connect, or to answer one command. */
const REDIS_TIMEOUT_MS = 1000;

/**
 * Makes limiters on one store. A Redis client never queues commands while disconnected and gives
 * up on a command after a second, so a request whose limit can't be counted is refused at once
 * (see ./rate-limit.ts) instead of hanging; the client keeps reconnecting in the background.
 */
export function limiterFactory(store: LimitStore) {
  let redis: Redis | undefined;
  let connected: Promise<void> | undefined;

  function redisClient(url: string): Redis {
    if (!redis) {
      const client = new Redis(url, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        connectTimeout: REDIS_TIMEOUT_MS,
        commandTimeout: REDIS_TIMEOUT_MS,
        retryStrategy: (times) => Math.min(times * 100, 2000),
      });
      // Failures surface on the commands; the limiter logs them once (./store-health.ts).
      client.on("error", () => {});
      connected = new Promise<void>((resolve) => {
        client.once("ready", resolve);
        setTimeout(resolve, REDIS_TIMEOUT_MS).unref();
      });
      redis = client;
    }
    return redis;
  }

  return {
    store,
    create(name: string, options: LimiterOptions): Limiter {
      if (store.kind === "redis") {
        return new RateLimiterRedis({
          storeClient: redisClient(store.url),
          rejectIfRedisNotReady: true,
          keyPrefix: `${site.slug}:${name}`,
          ...options,
        });
      }
      return new RateLimiterPrisma({ storeClient: db, keyPrefix: name, ...options });
    },
    /** The first command waits (briefly) for the first connection instead of failing before it. */
    async ready(): Promise<void> {
      if (store.kind === "redis") redisClient(store.url);
      await connected;
    },
    async close(): Promise<void> {
      redis?.disconnect();
      redis = undefined;
    },
  };
}
