import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { MAX_CODE_TRIES } from "../security/email-tokens";
import { generateCode, hashCode, sameHash } from "../security/secrets";

/**
 * The two secrets of a sign-in email, and the rules they keep:
 * - the link carries Auth.js's token (256 random bits; Auth.js stores only a hash of it);
 * - the 6-digit code is a second secret, accepted only by the code form for that address, with
 *   MAX_CODE_TRIES tries per code, counted before the comparison;
 * - one live sign-in email per address: a new one replaces the old link and code;
 * - using either the link or the code deletes both.
 */

/** The link's token: 256 random bits as 64 hex characters (Auth.js's generateVerificationToken). */
export function generateLinkToken(): string {
  return randomBytes(32).toString("hex");
}

/** How Auth.js stores a link token: sha256(token + secret). We need it to find or delete the row. */
export function storedVerificationToken(token: string): string {
  return createHash("sha256").update(`${token}${env.authSecret}`).digest("hex");
}

const codeScope = (identifier: string) => `sign-in:${identifier}`;

/** The code for the sign-in email whose link Auth.js stores as `tokenHash`; replaces any earlier code. */
export async function issueSignInCode(identifier: string, tokenHash: string, expires: Date): Promise<string> {
  const code = generateCode();
  const data = { codeHash: hashCode(codeScope(identifier), code), tokenHash, expires, attempts: 0 };
  await db.signInCode.upsert({ where: { identifier }, create: { identifier, ...data }, update: data });
  return code;
}

/** Is this link token live for the address? Uses nothing up (the confirm page shows its button). */
export async function isLiveSignInLink(identifier: string, token: string): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(token)) return false;
  const row = await db.verificationToken.findUnique({
    where: { identifier_token: { identifier, token: storedVerificationToken(token) } },
  });
  return Boolean(row && row.expires > new Date());
}

/**
 * Checks a code typed into the code form. Each try first takes one of the code's tries in a
 * single conditional UPDATE, so however many arrive at once, no more than MAX_CODE_TRIES are ever
 * compared. A right code deletes the code and its link, and only one caller can win it.
 */
export async function consumeSignInCode(identifier: string, code: string): Promise<boolean> {
  const row = await db.signInCode.findUnique({ where: { identifier } });
  if (!row || row.expires <= new Date()) return false;
  const mine = { identifier, codeHash: row.codeHash };
  const taken = await db.signInCode.updateMany({
    where: { ...mine, attempts: { lt: MAX_CODE_TRIES } },
    data: { attempts: { increment: 1 } },
  });
  if (taken.count !== 1) return false;
  if (!sameHash(row.codeHash, hashCode(codeScope(identifier), code))) {
    await db.signInCode.deleteMany({ where: { ...mine, attempts: { gte: MAX_CODE_TRIES } } });
    return false;
  }
  const won = await db.signInCode.deleteMany({ where: mine });
  await db.verificationToken.deleteMany({ where: { identifier, token: row.tokenHash } });
  return won.count === 1;
}

/** The link was used (Auth.js's callback): its code goes too. */
export async function forgetSignInCode(identifier: string, tokenHash: string): Promise<void> {
  await db.signInCode.deleteMany({ where: { identifier, tokenHash } });
}

/** A sign-in email that failed to send: nothing it carried may stay usable. */
export async function forgetSignInEmail(identifier: string, tokenHash: string): Promise<void> {
  await db.$transaction([
    db.signInCode.deleteMany({ where: { identifier, tokenHash } }),
    db.verificationToken.deleteMany({ where: { identifier, token: tokenHash } }),
  ]);
}

/**
 * After a right code: a single-use Auth.js token that lives one minute and never leaves the
 * server, so Auth.js's own email callback signs the user in (creating the account if new).
 */
export async function mintSignInToken(identifier: string): Promise<string> {
  const token = generateLinkToken();
  await db.verificationToken.create({
    data: { identifier, token: storedVerificationToken(token), expires: new Date(Date.now() + 60_000) },
  });
  return token;
}
