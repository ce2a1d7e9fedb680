import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  checkPasswordLockout,
  clearPasswordFailures,
  consumeRateLimits,
  LOCKOUT,
  peekRateLimits,
  RATE_LIMITS,
  recordPasswordFailure,
} from "@/server/rate-limit";
import { uniqueEmail } from "../support/users";

describe("rate limiter (database store)", () => {
  it("counts per key: one address running out leaves another untouched", async () => {
    const a = uniqueEmail("limit-a");
    const b = uniqueEmail("limit-b");
    const { points } = RATE_LIMITS.emailSend;
    for (let i = 0; i < points; i++) expect(await consumeRateLimits([["emailSend", a]])).toEqual({ ok: true });
    const over = await consumeRateLimits([["emailSend", a]]);
    expect(over.ok).toBe(false);
    expect(over.ok ? 0 : over.retryAfterSeconds).toBeGreaterThan(0);
    expect(over.ok ? 0 : over.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMITS.emailSend.duration);
    expect(await consumeRateLimits([["emailSend", b]])).toEqual({ ok: true });
    // The counters live in the database, shared by every app instance.
    expect(await db.rateLimiterFlexible.count({ where: { key: { contains: a } } })).toBe(1);
  });

  it("keys are case-insensitive, so Ada@ and ada@ share a budget", async () => {
    const email = uniqueEmail("case");
    for (let i = 0; i < RATE_LIMITS.emailSend.points; i++) await consumeRateLimits([["emailSend", email]]);
    expect((await consumeRateLimits([["emailSend", email.toUpperCase()]])).ok).toBe(false);
  });

  it("resets when the window is over", async () => {
    const email = uniqueEmail("window");
    for (let i = 0; i <= RATE_LIMITS.emailSend.points; i++) await consumeRateLimits([["emailSend", email]]);
    expect((await peekRateLimits([["emailSend", email]])).ok).toBe(false);
    // Move the window's end into the past, as time would.
    await db.rateLimiterFlexible.updateMany({ where: { key: { contains: email } }, data: { expire: new Date(Date.now() - 1000) } });
    expect(await peekRateLimits([["emailSend", email]])).toEqual({ ok: true });
    expect(await consumeRateLimits([["emailSend", email]])).toEqual({ ok: true });
  });

  it("peeking counts nothing", async () => {
    const email = uniqueEmail("peek");
    for (let i = 0; i < 20; i++) expect(await peekRateLimits([["emailSend", email]])).toEqual({ ok: true });
    expect(await consumeRateLimits([["emailSend", email]])).toEqual({ ok: true });
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
