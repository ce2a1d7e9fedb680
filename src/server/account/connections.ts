import "server-only";
import { recordSecurityEvent } from "../security/security-log";
import { countWaysIn, withWaysInHeld } from "./overview";

/**
 * Removes GitHub, unless it is the only way left to sign in. The check and the delete hold the
 * account's ways in still (a passkey removed at the same moment can't leave the account with none).
 */
export async function disconnectGitHub(userId: string): Promise<"disconnected" | "last-method"> {
  const outcome = await withWaysInHeld(userId, async (tx, methods) => {
    if (countWaysIn(methods) - Number(methods.github) < 1) return "last-method" as const;
    await tx.account.deleteMany({ where: { userId, provider: "github" } });
    return "disconnected" as const;
  });
  if (outcome === "disconnected") await recordSecurityEvent(userId, "account-unlinked", "github");
  return outcome;
}
