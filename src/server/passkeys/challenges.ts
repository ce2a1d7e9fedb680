import "server-only";
import { db } from "../db";

/**
 * WebAuthn challenges, kept in the database (PasskeyChallenge) rather than in a cookie: a cookie
 * can be sent again, a deleted row can't. Each challenge answers one ceremony of one purpose,
 * lives a few minutes, and is used up by the first answer that names it, right or wrong.
 */
export const PASSKEY_CHALLENGE_SECONDS = 5 * 60;

export type ChallengePurpose = "register" | "sign-in";

export async function saveChallenge(
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
  now = new Date(),
): Promise<void> {
  const expires = new Date(now.getTime() + PASSKEY_CHALLENGE_SECONDS * 1000);
  await db.passkeyChallenge.create({ data: { challenge, purpose, userId, expires } });
}

/**
 * Uses up a live challenge. One DELETE decides: true only for the one request whose DELETE
 * removed the row, so two answers sent at once can't both pass.
 */
export async function consumeChallenge(
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
  now = new Date(),
): Promise<boolean> {
  const { count } = await db.passkeyChallenge.deleteMany({
    where: { challenge, purpose, userId, expires: { gt: now } },
  });
  return count === 1;
}

/**
 * The challenge an answer says it responds to, read from its clientDataJSON. Not trusted yet:
 * the signature check that follows covers clientDataJSON, challenge included.
 */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof data.challenge === "string" && data.challenge.length > 0 ? data.challenge : null;
  } catch {
    return null;
  }
}
