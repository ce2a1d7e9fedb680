import "server-only";
import { randomInt } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { hashCode } from "../security/secrets";

/**
 * Backup codes: ten single-use codes for when the authenticator app is out of reach. Each is 10
 * characters of Crockford's base32 (50 bits), shown once, stored as an HMAC; using one deletes it.
 */
export const BACKUP_CODE_COUNT = 10;
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

function newBackupCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What people type: any case, with or without the dash or spaces, O for 0 and I or L for 1. */
export function normalizeBackupCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, "").replace(/o/g, "0").replace(/[il]/g, "1");
  return /^[0-9a-hjkmnp-tv-z]{10}$/.test(code) ? code : null;
}

function backupCodeHash(userId: string, normalized: string): string {
  return hashCode(`backup-code:${userId}`, normalized);
}

/** A fresh set for the user; the old set dies in the same transaction. Returns the codes to show. */
export async function replaceBackupCodes(userId: string, tx: Prisma.TransactionClient = db): Promise<string[]> {
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
  await tx.backupCode.deleteMany({ where: { userId } });
  await tx.backupCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: backupCodeHash(userId, normalizeBackupCode(code)!) })),
  });
  return codes;
}

/** Uses a code: true once per code (the delete that finds it is the use), false otherwise. */
export async function redeemBackupCode(userId: string, input: string): Promise<boolean> {
  const normalized = normalizeBackupCode(input);
  if (!normalized) return false;
  const { count } = await db.backupCode.deleteMany({ where: { userId, codeHash: backupCodeHash(userId, normalized) } });
  return count === 1;
}

export function countBackupCodes(userId: string): Promise<number> {
  return db.backupCode.count({ where: { userId } });
}
