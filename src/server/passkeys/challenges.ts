import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { Prisma } from "@prisma/client";
import { db } from "../db";
import { env } from "../env";

/**
 * WebAuthn challenges. Each answers one ceremony of one purpose, lives a few minutes, and is used
 * up by the first answer that names it, right or wrong.
 * - Registration (a signed-in user, behind step-up): kept in the database (PasskeyChallenge) from
 *   the start rather than in a cookie: a cookie can be sent again, a deleted row can't.
 * - Sign-in (offered to every visitor of /sign-in, for the autofill): stateless until answered,
 *   so a page view writes nothing and nobody can grow the table by loading the page. The
 *   challenge carries its own expiry under an HMAC; the first answer that names it writes its row,
 *   and a second answer meets that row and fails (one INSERT decides).
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

const SIGN_IN_NONCE_BYTES = 16;
const MAC_BYTES = 32;

let signInKey: Buffer | undefined;
function signInChallengeKey(): Buffer {
  signInKey ??= Buffer.from(hkdfSync("sha256", env.authSecret, "", "passkey sign-in challenge v1", 32));
  return signInKey;
}

function mac(body: Buffer): Buffer {
  return createHmac("sha256", signInChallengeKey()).update(body).digest();
}

/** A sign-in challenge: 16 random bytes and its expiry (ms, 8 bytes), then their HMAC. Writes nothing. */
export function issueSignInChallenge(now = new Date()): Uint8Array<ArrayBuffer> {
  const body = Buffer.alloc(SIGN_IN_NONCE_BYTES + 8);
  randomBytes(SIGN_IN_NONCE_BYTES).copy(body);
  body.writeBigUInt64BE(BigInt(now.getTime() + PASSKEY_CHALLENGE_SECONDS * 1000), SIGN_IN_NONCE_BYTES);
  const challenge = new Uint8Array(body.length + MAC_BYTES);
  challenge.set(body);
  challenge.set(mac(body), body.length);
  return challenge;
}

/**
 * Uses up a sign-in challenge (base64url, as the answer's clientDataJSON names it): true only if
 * it is ours, unexpired, and this is the first answer to it (its row did not exist yet).
 */
export async function consumeSignInChallenge(challenge: string, now = new Date()): Promise<boolean> {
  const bytes = Buffer.from(challenge, "base64url");
  // One spelling per challenge (the decoder skips stray characters and padding): the row's key.
  if (bytes.length !== SIGN_IN_NONCE_BYTES + 8 + MAC_BYTES || bytes.toString("base64url") !== challenge) return false;
  const body = bytes.subarray(0, SIGN_IN_NONCE_BYTES + 8);
  if (!timingSafeEqual(mac(body), bytes.subarray(body.length))) return false;
  const expires = new Date(Number(body.readBigUInt64BE(SIGN_IN_NONCE_BYTES)));
  if (expires <= now) return false;
  try {
    await db.passkeyChallenge.create({ data: { challenge, purpose: "sign-in", userId: null, expires } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}
