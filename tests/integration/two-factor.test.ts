import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { countBackupCodes, redeemBackupCode } from "@/server/two-factor/backup-codes";
import { enableTwoFactor, getTwoFactorState, startTwoFactorSetup, verifyTotp } from "@/server/two-factor/factor";
import { totpCodeAt } from "@/server/two-factor/totp";
import { userWithTwoFactor } from "../support/two-factor";
import { createUser } from "../support/users";

const STEP_MS = 30_000;

describe("TOTP codes", () => {
  it("turns on only with a current code, and keeps the secret encrypted", async () => {
    const user = await createUser();
    await startTwoFactorSetup(user.id);
    const state = await getTwoFactorState(user.id, user.email);
    if (state.status !== "setting-up") throw new Error("setup did not start");
    expect(state.uri).toMatch(/^otpauth:\/\/totp\/Gatehouse:/);
    const row = await db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain(state.secret);

    expect(await enableTwoFactor(user.id, totpCodeAt(state.secret, Date.now() - 5 * STEP_MS))).toBeNull();
    expect(await enableTwoFactor(user.id, totpCodeAt(state.secret, Date.now()))).toHaveLength(10);
    expect((await getTwoFactorState(user.id, user.email)).status).toBe("on");
  });

  it("accepts the step either side of now, each code once, and nothing older than the last one used", async () => {
    const { user, secret } = await userWithTwoFactor();
    const now = Date.now();
    // The code used to turn it on is spent.
    expect(await verifyTotp(user.id, totpCodeAt(secret, now))).toBe(false);
    // Next step (a phone clock a little ahead): accepted once, then refused as a replay.
    const next = totpCodeAt(secret, now + STEP_MS);
    expect(await verifyTotp(user.id, next)).toBe(true);
    expect(await verifyTotp(user.id, next)).toBe(false);
    // The previous step is still inside the window, but older than the code just used: refused.
    expect(await verifyTotp(user.id, totpCodeAt(secret, now - STEP_MS))).toBe(false);
    // Outside the window: refused.
    expect(await verifyTotp(user.id, totpCodeAt(secret, now + 3 * STEP_MS))).toBe(false);
    expect(await verifyTotp(user.id, "12345")).toBe(false);
  });

  it("lets only one of two simultaneous requests with the same code through", async () => {
    const { user, secret } = await userWithTwoFactor();
    const code = totpCodeAt(secret, Date.now() + STEP_MS);
    const results = await Promise.all([verifyTotp(user.id, code), verifyTotp(user.id, code)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("fails closed when the stored secret was moved to another user's row", async () => {
    const a = await userWithTwoFactor();
    const b = await userWithTwoFactor();
    const stolen = await db.twoFactor.findUniqueOrThrow({ where: { userId: a.user.id } });
    await db.twoFactor.update({ where: { userId: b.user.id }, data: { secret: stolen.secret } });
    await expect(verifyTotp(b.user.id, totpCodeAt(a.secret, Date.now() + STEP_MS))).rejects.toThrow(/decrypt/);
  });
});

describe("backup codes", () => {
  it("work once each, typed any way people type them", async () => {
    const { user, backupCodes } = await userWithTwoFactor();
    const [first, second] = backupCodes;
    expect(await redeemBackupCode(user.id, first!)).toBe(true);
    expect(await redeemBackupCode(user.id, first!)).toBe(false);
    expect(await redeemBackupCode(user.id, ` ${second!.toUpperCase().replace("-", "")} `)).toBe(true);
    expect(await countBackupCodes(user.id)).toBe(8);
    expect(await redeemBackupCode(user.id, randomBytes(5).toString("hex"))).toBe(false);
  });

  it("belong to their user only", async () => {
    const a = await userWithTwoFactor();
    const b = await userWithTwoFactor();
    expect(await redeemBackupCode(b.user.id, a.backupCodes[0]!)).toBe(false);
    expect(await countBackupCodes(a.user.id)).toBe(10);
  });
});
