import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env";
import { limiterFactory, STORE_DOWN_RETRY_SECONDS, type Limiter, type LimitStore } from "./limit-store";
import { ipBucket } from "./ip-bucket";
import { storeHealth } from "./store-health";

/**
 * Every limit in one place. Counters live in the database (RateLimiterFlexible table) by default,
 * or in Redis when REDIS_URL is set; either way they hold across restarts and across several app
 * instances (docs/decisions/0007-rate-limits.md). Each limit has its own counters, keyed by an
 * email address or an IP address. Call sites use the named policies in ./limits.ts.
 *
 * When the store can't be reached, limits fail closed: every check is refused with a retry-after
 * (no secret is checked, no email sent), and the outage is logged once, not per request
 * (docs/decisions/0018-several-instances-and-redis.md).
 */
export const RATE_LIMITS = {
  /** Password checks per email address (any outcome, any door: sign-in, step-up, change). */
  passwordCheck: { points: 20, duration: 15 * 60 },
  /** Password checks per IP address. */
  passwordCheckIp: { points: 50, duration: 15 * 60 },
  /** Wrong passwords per email address before a lockout (see LOCKOUT). */
  passwordFailures: { points: 10, duration: 15 * 60 },
  /** Lockouts per email address in a day: each one lasts twice as long as the last. */
  passwordLockouts: { points: 100, duration: 24 * 60 * 60 },
  /** The lockout itself: while blocked, no password is checked for the address. */
  passwordLockout: { points: 1, duration: 1 },
  /** Emails we send to one address: sign-in links, verification, password reset, step-up codes. */
  emailSend: { points: 5, duration: 60 * 60 },
  /** Emails requested from one IP address. */
  emailSendIp: { points: 30, duration: 60 * 60 },
  /**
   * Wrong 6-digit codes typed for one email address (the sign-in and email-verification code
   * forms). A link's 256-bit token is never counted per address: guessing it is hopeless, and a
   * per-address count would let anyone refuse the owner's own link.
   */
  codeGuess: { points: 10, duration: 15 * 60 },
  /** Wrong emailed codes typed by a signed-in user (step-up), per account. */
  accountCodeGuess: { points: 10, duration: 15 * 60 },
  /** Wrong emailed secrets (codes and links' tokens) per IP address. */
  codeGuessIp: { points: 30, duration: 15 * 60 },
  /**
   * Passkey sign-in answers checked per IP address. A passkey can't be guessed; this bounds the
   * signature checks one client costs us.
   */
  passkeyAttemptIp: { points: 60, duration: 15 * 60 },
  /**
   * Passkey sign-in challenges issued per IP address (each visit to /sign-in asks for one, for the
   * autofill): generous for a shared office address, but a bound on the rows one client can add.
   */
  passkeyChallengeIp: { points: 300, duration: 15 * 60 },
  /** Accounts created from one IP address. */
  signUpIp: { points: 10, duration: 60 * 60 },
  /** Second-factor codes (authenticator or backup) per account, at sign-in and step-up. */
  secondFactorGuess: { points: 10, duration: 15 * 60 },
  /** Second-factor codes per IP address. */
  secondFactorGuessIp: { points: 30, duration: 15 * 60 },
  /** Wrong CRON_SECRETs at /api/cron/cleanup per IP address (a scheduler sends the right one). */
  cronSecretIp: { points: 10, duration: 15 * 60 },
  /** Invitations sent (and re-sent) from one organization in a day. */
  invitationOrg: { points: 50, duration: 24 * 60 * 60 },
  /** Invitations one member sends in a day, across every organization they manage. */
  invitationInviter: { points: 20, duration: 24 * 60 * 60 },
  /** Calls to /api/v1 with one API token, per minute. */
  apiRequest: { points: 600, duration: 60 },
  /** Calls to /api/v1 with a well-formed token from one IP address, per minute (any token). */
  apiRequestIp: { points: 1200, duration: 60 },
  /**
   * Well-formed API tokens that open nothing (unknown, revoked, expired, their owner suspended),
   * per IP address: past this, the address's calls are refused before any token is looked up.
   */
  apiTokenFailureIp: { points: 30, duration: 15 * 60 },
  /** Service tokens (/api/token) one account is issued per minute. */
  serviceToken: { points: 60, duration: 60 },
} as const;

/** The first lockout lasts 15 minutes, then 30, 60, … up to a day. */
export const LOCKOUT = { firstSeconds: 15 * 60, maxSeconds: 24 * 60 * 60 } as const;

export type RateLimitName = keyof typeof RATE_LIMITS;
export type RateLimitResult =
  | { ok: true }
  /** `firstRefusal`: this attempt is the first one over a limit (worth telling the owner once). */
  | { ok: false; retryAfterSeconds: number; firstRefusal?: boolean };

/**
 * The limiter on one store. The app uses `rateLimits` below (the store REDIS_URL chooses); tests
 * make their own, to run the same checks on each store.
 */
export function createRateLimits(store: LimitStore) {
  const factory = limiterFactory(store);
  const health = storeHealth(store.kind === "redis" ? "Redis" : "the database");
  const limiters = new Map<RateLimitName, Limiter>();
  const refusal: RateLimitResult = { ok: false, retryAfterSeconds: STORE_DOWN_RETRY_SECONDS };

  function limiter(name: RateLimitName): Limiter {
    let instance = limiters.get(name);
    if (!instance) {
      instance = factory.create(name, RATE_LIMITS[name]);
      limiters.set(name, instance);
    }
    return instance;
  }

  /** Runs one store operation; a store error becomes `whenDown` (logged once per outage). */
  async function guarded<T>(operation: () => Promise<T>, whenDown: T): Promise<T> {
    try {
      await factory.ready();
      const result = await operation();
      health.succeeded();
      return result;
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      health.failed(error);
      return whenDown;
    }
  }

  /** Per-address limits count the address's block (./ip-bucket.ts); the others, the key lowercased. */
  function limitKey(name: RateLimitName, key: string): string {
    return name.endsWith("Ip") ? ipBucket(key) : key.toLowerCase();
  }

  /** consume(), with "over the limit" as a result instead of an exception. */
  async function count(name: RateLimitName, key: string): Promise<RateLimiterRes> {
    try {
      return await limiter(name).consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) return error;
      throw error;
    }
  }

  /**
   * Counts one attempt against each (limit, key) pair; refuses if any of them is over.
   * Call it before doing the work, so an over-limit request sends and checks nothing.
   */
  async function consumeLimits(checks: Array<[RateLimitName, string]>): Promise<RateLimitResult> {
    return guarded<RateLimitResult>(async () => {
      let retryAfterSeconds = 0;
      let firstRefusal = false;
      for (const [name, key] of checks) {
        const res = await count(name, limitKey(name, key));
        if (res.consumedPoints <= RATE_LIMITS[name].points) continue;
        retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil(res.msBeforeNext / 1000));
        if (res.consumedPoints === RATE_LIMITS[name].points + 1) firstRefusal = true;
      }
      return retryAfterSeconds > 0 ? { ok: false, retryAfterSeconds, firstRefusal } : { ok: true };
    }, refusal);
  }

  /**
   * Gives back the attempt consumeLimits counted for each pair: the secret was right, and only
   * failures count (a limit counted after the check could be raced past by parallel tries).
   */
  async function forgiveLimits(checks: Array<[RateLimitName, string]>): Promise<void> {
    await guarded(async () => {
      for (const [name, key] of checks) await limiter(name).reward(limitKey(name, key), 1);
      return true;
    }, false);
  }

  /** Would these pass? Counts nothing (for answering an API with 429 before any work). */
  async function peekLimits(checks: Array<[RateLimitName, string]>): Promise<RateLimitResult> {
    return guarded<RateLimitResult>(async () => {
      let retryAfterSeconds = 0;
      for (const [name, key] of checks) {
        const res = await limiter(name).get(limitKey(name, key));
        if (res && res.consumedPoints >= RATE_LIMITS[name].points) {
          retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil(res.msBeforeNext / 1000));
        }
      }
      return retryAfterSeconds > 0 ? { ok: false, retryAfterSeconds } : { ok: true };
    }, refusal);
  }

  /** Is this address locked out of password sign-in right now? */
  async function checkPasswordLockout(email: string): Promise<RateLimitResult> {
    return guarded<RateLimitResult>(async () => {
      const res = await limiter("passwordLockout").get(email.toLowerCase());
      if (res && res.consumedPoints > RATE_LIMITS.passwordLockout.points && res.msBeforeNext > 0) {
        return { ok: false, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) };
      }
      return { ok: true };
    }, refusal);
  }

  /**
   * Counts a wrong password for the address (whether or not it has an account, so a lockout says
   * nothing about existence). Returns the lockout's length when this failure starts one.
   */
  async function recordPasswordFailure(email: string): Promise<number | null> {
    const key = email.toLowerCase();
    return guarded<number | null>(async () => {
      const failures = await count("passwordFailures", key);
      if (failures.consumedPoints < RATE_LIMITS.passwordFailures.points) return null;
      await limiter("passwordFailures").delete(key);
      const lockouts = (await count("passwordLockouts", key)).consumedPoints;
      const seconds = Math.min(LOCKOUT.firstSeconds * 2 ** (lockouts - 1), LOCKOUT.maxSeconds);
      await limiter("passwordLockout").block(key, seconds);
      return seconds;
    }, null);
  }

  /** A correct password resets the failure count (not the day's lockout history). */
  async function clearPasswordFailures(email: string): Promise<void> {
    await guarded(() => limiter("passwordFailures").delete(email.toLowerCase()), false);
  }

  return {
    store,
    consumeLimits,
    forgiveLimits,
    peekLimits,
    checkPasswordLockout,
    recordPasswordFailure,
    clearPasswordFailures,
    /** Closes the Redis connection (tests; the app keeps it for its lifetime). */
    close: () => factory.close(),
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;

export const rateLimits = createRateLimits(
  env.REDIS_URL ? { kind: "redis", url: env.REDIS_URL } : { kind: "database" },
);
export const { consumeLimits, peekLimits, checkPasswordLockout, recordPasswordFailure, clearPasswordFailures } =
  rateLimits;
