import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "./db";

/**
 * Every limit in one place. Counters live in the database (RateLimiterFlexible table), so they
 * hold across restarts and across several app instances. Keys are an email address or "ip:<addr>".
 */
export const RATE_LIMITS = {
  /** Password checks per email address. */
  passwordSignIn: { points: 10, duration: 15 * 60 },
  /** Password checks per IP address. */
  passwordSignInIp: { points: 50, duration: 15 * 60 },
  /** Emails we send to one address: magic links, verification, password reset. */
  emailSend: { points: 5, duration: 60 * 60 },
  /** Emails requested from one IP address. */
  emailSendIp: { points: 30, duration: 60 * 60 },
  /** Verification-code guesses per email address. */
  codeAttempt: { points: 10, duration: 15 * 60 },
  /** Accounts created from one IP address. */
  signUpIp: { points: 10, duration: 60 * 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;
export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

const limiters = new Map<RateLimitName, RateLimiterPrisma>();

function limiter(name: RateLimitName): RateLimiterPrisma {
  let instance = limiters.get(name);
  if (!instance) {
    instance = new RateLimiterPrisma({ storeClient: db, keyPrefix: name, ...RATE_LIMITS[name] });
    limiters.set(name, instance);
  }
  return instance;
}

/**
 * Counts one attempt against each (limit, key) pair; refuses if any of them is over.
 * Call it before doing the work, so an over-limit request sends and checks nothing.
 */
export async function consumeRateLimits(checks: Array<[RateLimitName, string]>): Promise<RateLimitResult> {
  let retryAfterSeconds = 0;
  for (const [name, key] of checks) {
    try {
      await limiter(name).consume(key.toLowerCase());
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil(error.msBeforeNext / 1000));
    }
  }
  return retryAfterSeconds > 0 ? { ok: false, retryAfterSeconds } : { ok: true };
}

/** "Too many attempts. Try again in 12 minutes." */
export function rateLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
