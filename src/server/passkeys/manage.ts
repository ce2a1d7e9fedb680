import "server-only";
import { db } from "../db";
import { countWaysIn, withWaysInHeld } from "../account/overview";
import { sendNotice, sendPasskeyChangedEmail } from "../mail/messages";
import { recordSecurityEvent } from "../security/security-log";

/** The passkeys page: list, rename, remove (adding is ./registration.ts). */

export async function listPasskeys(userId: string) {
  return db.passkey.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true, deviceType: true },
  });
}

/** False when the passkey is not this user's (or is gone). */
export async function renamePasskey(userId: string, passkeyId: string, name: string): Promise<boolean> {
  const { count } = await db.passkey.updateMany({ where: { id: passkeyId, userId }, data: { name } });
  return count === 1;
}

export type RemoveResult = "removed" | "not-found" | "last-method";

/**
 * Removes one of the user's passkeys, unless it is their last way in (no password, no confirmed
 * email, no GitHub, no other passkey). The check and the delete share one transaction that holds
 * the account's ways in still, so two removals sent at once can't each leave the other as the last
 * passkey and then delete it.
 */
export async function removePasskey(user: { id: string; email: string }, passkeyId: string): Promise<RemoveResult> {
  const outcome = await withWaysInHeld(user.id, async (tx, methods) => {
    const passkey = await tx.passkey.findFirst({ where: { id: passkeyId, userId: user.id }, select: { name: true } });
    if (!passkey) return { result: "not-found" as const };
    if (countWaysIn(methods) <= 1) return { result: "last-method" as const };
    await tx.passkey.delete({ where: { id: passkeyId } });
    return { result: "removed" as const, name: passkey.name };
  });
  if (outcome.result !== "removed") return outcome.result;
  await recordSecurityEvent(user.id, "passkey-removed", outcome.name);
  await sendNotice("passkey-removed", () => sendPasskeyChangedEmail(user.email, "removed", outcome.name));
  return "removed";
}
