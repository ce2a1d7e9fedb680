import "server-only";
import { db } from "../db";
import { recordSecurityEvent } from "../security/security-log";
import { countWaysIn, getAccountOverview } from "./overview";

/** Removes GitHub, unless it is the only way left to sign in. */
export async function disconnectGitHub(userId: string): Promise<"disconnected" | "last-method"> {
  const { methods } = await getAccountOverview(userId);
  if (countWaysIn(methods) - Number(methods.github) < 1) return "last-method";
  await db.account.deleteMany({ where: { userId, provider: "github" } });
  await recordSecurityEvent(userId, "account-unlinked", "github");
  return "disconnected";
}
