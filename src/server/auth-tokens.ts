import "server-only";
import { db } from "./db";
import { generateCode, generateToken, hashCode, hashToken, sameHash } from "./tokens";

/**
 * Single-use tokens we email ourselves. The link carries a random token (only its sha256 is
 * stored); email verification also carries a 6-digit code (only its HMAC is stored). Issuing a
 * new token of a purpose deletes the user's earlier ones; using a token deletes it.
 */
export type TokenPurpose = "verify-email" | "reset-password" | "change-email" | "step-up";

export const TOKEN_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  "verify-email": 24 * 60,
  "reset-password": 30,
  "change-email": 60,
  "step-up": 10,
};

/** Wrong codes allowed per token before it is thrown away. */
export const MAX_CODE_ATTEMPTS = 5;

export type TokenFailure = "invalid" | "expired";
export type TokenResult = { ok: true; userId: string; email: string } | { ok: false; reason: TokenFailure };

export async function issueToken(params: {
  userId: string;
  purpose: TokenPurpose;
  email: string;
  withCode?: boolean;
}): Promise<{ token: string; code?: string; expiresInMinutes: number }> {
  const token = generateToken();
  const minutes = TOKEN_LIFETIME_MINUTES[params.purpose];
  const code = params.withCode ? generateCode() : undefined;
  await db.$transaction(async (tx) => {
    await tx.authToken.deleteMany({ where: { userId: params.userId, purpose: params.purpose } });
    const row = await tx.authToken.create({
      data: {
        userId: params.userId,
        purpose: params.purpose,
        email: params.email,
        tokenHash: hashToken(token),
        expires: new Date(Date.now() + minutes * 60_000),
      },
    });
    if (code) await tx.authToken.update({ where: { id: row.id }, data: { codeHash: hashCode(row.id, code) } });
  });
  return { token, code, expiresInMinutes: minutes };
}

async function findByToken(purpose: TokenPurpose, token: string) {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) return null;
  const row = await db.authToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return row && row.purpose === purpose ? row : null;
}

/** Is this link still good? Does not use it up (for the page that shows the confirm button). */
export async function checkToken(purpose: TokenPurpose, token: string): Promise<TokenResult> {
  const row = await findByToken(purpose, token);
  if (!row) return { ok: false, reason: "invalid" };
  if (row.expires < new Date()) return { ok: false, reason: "expired" };
  return { ok: true, userId: row.userId, email: row.email };
}

/** Uses the token up. Exactly one caller can win, even when two arrive at once. */
export async function consumeToken(purpose: TokenPurpose, token: string): Promise<TokenResult> {
  const row = await findByToken(purpose, token);
  if (!row) return { ok: false, reason: "invalid" };
  const { count } = await db.authToken.deleteMany({ where: { id: row.id } });
  if (count !== 1) return { ok: false, reason: "invalid" };
  if (row.expires < new Date()) return { ok: false, reason: "expired" };
  return { ok: true, userId: row.userId, email: row.email };
}

/**
 * Uses up the newest token of `purpose` sent to `email` if `code` matches it. Each try first takes
 * one of the token's tries in a single conditional UPDATE, so however many arrive at once, no more
 * than MAX_CODE_ATTEMPTS are ever compared; the token is deleted when they run out.
 */
export async function consumeCode(purpose: TokenPurpose, email: string, code: string): Promise<TokenResult> {
  const row = await db.authToken.findFirst({
    where: { purpose, email, codeHash: { not: null } },
    orderBy: { createdAt: "desc" },
  });
  if (!row?.codeHash || !/^\d{6}$/.test(code)) return { ok: false, reason: "invalid" };
  if (row.expires < new Date()) {
    await db.authToken.deleteMany({ where: { id: row.id } });
    return { ok: false, reason: "expired" };
  }
  const taken = await db.authToken.updateMany({
    where: { id: row.id, attempts: { lt: MAX_CODE_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (taken.count !== 1) return { ok: false, reason: "invalid" };
  if (!sameHash(row.codeHash, hashCode(row.id, code))) {
    await db.authToken.deleteMany({ where: { id: row.id, attempts: { gte: MAX_CODE_ATTEMPTS } } });
    return { ok: false, reason: "invalid" };
  }
  const { count } = await db.authToken.deleteMany({ where: { id: row.id } });
  if (count !== 1) return { ok: false, reason: "invalid" };
  return { ok: true, userId: row.userId, email: row.email };
}
