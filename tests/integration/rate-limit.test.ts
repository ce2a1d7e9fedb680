import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { limitPolicies } from "@/server/security/limits";
import { createRateLimits, LOCKOUT, RATE_LIMITS } from "@/server/security/rate-limit";
import { limitStores } from "../support/limit-stores";
import { randomIp } from "../support/random";
import { uniqueEmail } from "../support/users";

// The same checks on each store: the database, and Redis when TEST_REDIS_URL names one.
describe.each(limitStores)("on the $name store", (storeUnderTest) => {
  const limits = createRateLimits(storeUnderTest.store);
  const { consumeLimits, peekLimits, checkPasswordLockout, recordPasswordFailure, clearPasswordFailures } = limits;
  const { limitSecretTry, forgiveSecretTry, limitEmailSend, limitPasswordCheck } = limitPolicies(limits);

  // Each test fails (never skips) when the store named for it can't be reached.
  beforeEach(() => storeUnderTest.reachable());
  afterAll(async () => {
    await limits.close();
    await storeUnderTest.close();
  });

  describe("rate limiter", () => {
    it("counts per key: one address running out leaves another untouched", async () => {
      const a = uniqueEmail("limit-a");
      const b = uniqueEmail("limit-b");
      const { points } = RATE_LIMITS.emailSend;
      for (let i = 0; i < points; i++) expect(await consumeLimits([["emailSend", a]])).toEqual({ ok: true });
      const over = await consumeLimits([["emailSend", a]]);
      expect(over.ok).toBe(false);
      expect(over.ok ? 0 : over.retryAfterSeconds).toBeGreaterThan(0);
      expect(over.ok ? 0 : over.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMITS.emailSend.duration);
      expect(await consumeLimits([["emailSend", b]])).toEqual({ ok: true });
      // The counters live in the store, shared by every app instance.
      expect(await storeUnderTest.countersFor(a)).toBe(1);
    });

    it("keys are case-insensitive, so Ada@ and ada@ share a budget", async () => {
      const email = uniqueEmail("case");
      for (let i = 0; i < RATE_LIMITS.emailSend.points; i++) await consumeLimits([["emailSend", email]]);
      expect((await consumeLimits([["emailSend", email.toUpperCase()]])).ok).toBe(false);
    });

    it("resets when the window is over", async () => {
      const email = uniqueEmail("window");
      for (let i = 0; i <= RATE_LIMITS.emailSend.points; i++) await consumeLimits([["emailSend", email]]);
      expect((await peekLimits([["emailSend", email]])).ok).toBe(false);
      // Move the window's end into the past, as time would.
      await storeUnderTest.expireNow("emailSend", email);
      expect(await peekLimits([["emailSend", email]])).toEqual({ ok: true });
      expect(await consumeLimits([["emailSend", email]])).toEqual({ ok: true });
    });

    it("attempts sent at once are each counted once: none lost, none refused early", async () => {
      const ip = randomIp();
      const { points } = RATE_LIMITS.codeGuessIp;
      const results = await Promise.all(Array.from({ length: points }, () => consumeLimits([["codeGuessIp", ip]])));
      expect(results.filter((r) => r.ok)).toHaveLength(points);
      expect((await consumeLimits([["codeGuessIp", ip]])).ok).toBe(false);
    });

    it("peeking counts nothing", async () => {
      const email = uniqueEmail("peek");
      for (let i = 0; i < 20; i++) expect(await peekLimits([["emailSend", email]])).toEqual({ ok: true });
      expect(await consumeLimits([["emailSend", email]])).toEqual({ ok: true });
    });
  });

  describe("named policies", () => {
    it("limitEmailSend counts the address and the IP separately: a new IP doesn't reset the address", async () => {
      const email = uniqueEmail("policy-send");
      for (let i = 0; i < RATE_LIMITS.emailSend.points; i++) {
        expect(await limitEmailSend(email, `10.200.1.${i}`)).toEqual({ ok: true });
      }
      expect((await limitEmailSend(email, "10.200.2.1")).ok).toBe(false);
      expect(await limitEmailSend(uniqueEmail("policy-other"), "10.200.2.1")).toEqual({ ok: true });
    });

    it("a link's tries count against the IP only, and a code's against the IP too", async () => {
      const ip = randomIp();
      const link = { kind: "link", ip } as const;
      for (let i = 0; i < RATE_LIMITS.codeGuessIp.points; i++) expect((await limitSecretTry(link)).ok).toBe(true);
      expect((await limitSecretTry(link)).ok).toBe(false);
      expect((await limitSecretTry({ kind: "code", email: uniqueEmail("policy-code"), ip })).ok).toBe(false);
    });

    it("wrong links from many addresses leave the address's code tries untouched", async () => {
      const email = uniqueEmail("policy-link-spread");
      for (let i = 0; i < 3 * RATE_LIMITS.codeGuess.points; i++) await limitSecretTry({ kind: "link", ip: randomIp() });
      expect(await limitSecretTry({ kind: "code", email, ip: randomIp() })).toEqual({ ok: true });
    });

    it("a right secret is forgiven: only wrong ones use up the budget", async () => {
      const email = uniqueEmail("policy-forgiven");
      const ip = randomIp();
      const code = { kind: "code", email, ip } as const;
      for (let i = 0; i < 3 * RATE_LIMITS.codeGuess.points; i++) {
        expect(await limitSecretTry(code)).toEqual({ ok: true });
        await forgiveSecretTry(code);
      }
      for (let i = 0; i < RATE_LIMITS.codeGuess.points; i++) expect((await limitSecretTry(code)).ok).toBe(true);
      expect((await limitSecretTry(code)).ok).toBe(false);
    });

    it("a signed-in user's code tries are the account's, apart from the address's", async () => {
      const email = uniqueEmail("policy-account");
      for (let i = 0; i <= RATE_LIMITS.codeGuess.points; i++)
        await limitSecretTry({ kind: "code", email, ip: randomIp() });
      expect((await limitSecretTry({ kind: "code", email, ip: randomIp() })).ok).toBe(false);
      expect(await limitSecretTry({ kind: "account-code", userId: `user-${email}`, ip: randomIp() })).toEqual({
        ok: true,
      });
    });

    it("limitPasswordCheck refuses during a lockout without counting", async () => {
      const email = uniqueEmail("policy-lockout");
      for (let i = 0; i < RATE_LIMITS.passwordFailures.points; i++) await recordPasswordFailure(email);
      const refused = await limitPasswordCheck(email, "10.202.0.1");
      expect(refused.ok).toBe(false);
      expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(LOCKOUT.firstSeconds - 5);
    });
  });

  describe("password lockout", () => {
    const threshold = RATE_LIMITS.passwordFailures.points;

    async function failTimes(email: string, times: number) {
      let lockedFor: number | null = null;
      for (let i = 0; i < times; i++) lockedFor = (await recordPasswordFailure(email)) ?? lockedFor;
      return lockedFor;
    }

    it(`locks an address for ${LOCKOUT.firstSeconds / 60} minutes on its ${threshold}th wrong password`, async () => {
      const email = uniqueEmail("lock");
      expect(await failTimes(email, threshold - 1)).toBeNull();
      expect(await checkPasswordLockout(email)).toEqual({ ok: true });
      expect(await recordPasswordFailure(email)).toBe(LOCKOUT.firstSeconds);
      const locked = await checkPasswordLockout(email);
      expect(locked.ok).toBe(false);
      expect(locked.ok ? 0 : locked.retryAfterSeconds).toBeGreaterThan(LOCKOUT.firstSeconds - 5);
    });

    it("doubles each further lockout the same day", async () => {
      const email = uniqueEmail("progressive");
      expect(await failTimes(email, threshold)).toBe(LOCKOUT.firstSeconds);
      expect(await failTimes(email, threshold)).toBe(LOCKOUT.firstSeconds * 2);
      expect(await failTimes(email, threshold)).toBe(LOCKOUT.firstSeconds * 4);
    });

    it("a correct password resets the count of wrong ones", async () => {
      const email = uniqueEmail("reset-count");
      await failTimes(email, threshold - 1);
      await clearPasswordFailures(email);
      expect(await failTimes(email, threshold - 1)).toBeNull();
      expect(await checkPasswordLockout(email)).toEqual({ ok: true });
    });
  });
});
