import "server-only";
import { db } from "../db";
import { decrypt, encrypt, encryptedWithOldKey } from "../security/encryption";
import { replaceBackupCodes } from "./backup-codes";
import { matchTotp, newTotpSecret, totpUri } from "./totp";

/**
 * A user's authenticator app: set up (a secret, not yet on), turned on by a current code, used
 * once per code, turned off. The secret is stored encrypted, bound to its user.
 */

export type TwoFactorState =
  { status: "off" } | { status: "setting-up"; secret: string; uri: string } | { status: "on"; enabledAt: Date };

async function readSecret(userId: string, stored: string): Promise<string> {
  const secret = decrypt(stored, userId);
  // Encrypted with a key that has since been rotated out of first place: re-encrypt on use.
  if (encryptedWithOldKey(stored)) {
    await db.twoFactor.update({ where: { userId }, data: { secret: encrypt(secret, userId) } });
  }
  return secret;
}

export async function getTwoFactorState(userId: string, accountName: string): Promise<TwoFactorState> {
  const row = await db.twoFactor.findUnique({ where: { userId } });
  if (!row) return { status: "off" };
  if (row.enabledAt) return { status: "on", enabledAt: row.enabledAt };
  const secret = await readSecret(userId, row.secret);
  return { status: "setting-up", secret, uri: totpUri(secret, accountName) };
}

/** When two-factor was turned on, or null when it is off (sign-in asks for a code when set). */
export async function twoFactorEnabledAt(userId: string): Promise<Date | null> {
  const row = await db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  return row?.enabledAt ?? null;
}

/** Starts setting up with a new secret (replacing an unfinished setup); no-op when already on. */
export async function startTwoFactorSetup(userId: string): Promise<void> {
  const row = await db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  if (row?.enabledAt) return;
  const secret = encrypt(newTotpSecret(), userId);
  await db.twoFactor.upsert({
    where: { userId },
    create: { userId, secret },
    update: { secret, lastUsedStep: null, createdAt: new Date() },
  });
}

/**
 * Accepts `code` for the user's secret once: the step it belongs to must be newer than the last
 * accepted one, and the conditional UPDATE that records it is the check, so two requests with
 * the same code cannot both pass.
 */
async function acceptCode(userId: string, stored: string, code: string, enabled: boolean): Promise<boolean> {
  const step = matchTotp(await readSecret(userId, stored), code);
  if (step === null) return false;
  const { count } = await db.twoFactor.updateMany({
    where: {
      userId,
      enabledAt: enabled ? { not: null } : null,
      OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }],
    },
    data: { lastUsedStep: step },
  });
  return count === 1;
}

/** Abandons an unfinished setup (two-factor that is on stays on). */
export async function cancelTwoFactorSetup(userId: string): Promise<void> {
  await db.twoFactor.deleteMany({ where: { userId, enabledAt: null } });
}

/** Finishes setup with a current code: two-factor is on, and the first backup codes are returned. */
export async function enableTwoFactor(userId: string, code: string): Promise<string[] | null> {
  const row = await db.twoFactor.findUnique({ where: { userId } });
  if (!row || row.enabledAt || !(await acceptCode(userId, row.secret, code, false))) return null;
  return db.$transaction(async (tx) => {
    await tx.twoFactor.update({ where: { userId }, data: { enabledAt: new Date() } });
    return replaceBackupCodes(userId, tx);
  });
}

/** A code from the app, for an account with two-factor on. */
export async function verifyTotp(userId: string, code: string): Promise<boolean> {
  const row = await db.twoFactor.findUnique({ where: { userId } });
  if (!row?.enabledAt) return false;
  return acceptCode(userId, row.secret, code, true);
}

/** Turns two-factor off: the secret, the backup codes and every remembered device go. */
export async function disableTwoFactor(userId: string): Promise<void> {
  await db.$transaction([
    db.twoFactor.deleteMany({ where: { userId } }),
    db.backupCode.deleteMany({ where: { userId } }),
    db.rememberedDevice.deleteMany({ where: { userId } }),
  ]);
}
