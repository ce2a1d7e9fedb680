import "server-only";
import { db } from "../db";
import type { MailJob } from "../mail/after-response";
import { generateCode, generateToken, hashCode, hashToken, sameHash } from "./secrets";

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

/** Tries of a 6-digit emailed code, right or wrong, before it is thrown away (every emailed code). */
export const MAX_CODE_TRIES = 5;

export type TokenFailure = "invalid" | "expired";
export type TokenResult = { ok: true; userId: string; email: string } | { ok: false; reason: TokenFailure };

interface IssueParams {
  userId: string;
  purpose: TokenPurpose;
  email: string;
  withCode?: boolean;
}

export interface IssuedToken {
  token: string;
  code?: string;
}

export async function issueToken(params: IssueParams): Promise<IssuedToken> {
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
  return { token, code };
}

/**
 * "Issue a token, email it, delete it if the email fails", as one step. The token is issued now;
 * the returned job sends it (after the response, see src/server/mail/after-response.ts, or
 * awaited by a caller who waits for the send), and leaves no usable token if the send fails.
 */
export async function issueTokenEmail(
  params: IssueParams,
  send: (issued: IssuedToken) => Promise<unknown>,
): Promise<MailJob> {
  const issued = await issueToken(params);
  return async () => {
    try {
      await send(issued);
    } catch (error) {
      await db.authToken.deleteMany({ where: { userId: params.userId, purpose: params.purpose } });
      throw error;
    }
  };
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
 * than MAX_CODE_TRIES are ever compared; the token is deleted when they run out.
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
    where: { id: row.id, attempts: { lt: MAX_CODE_TRIES } },
    data: { attempts: { increment: 1 } },
  });
  if (taken.count !== 1) return { ok: false, reason: "invalid" };
  if (!sameHash(row.codeHash, hashCode(row.id, code))) {
    await db.authToken.deleteMany({ where: { id: row.id, attempts: { gte: MAX_CODE_TRIES } } });
    return { ok: false, reason: "invalid" };
  }
  const { count } = await db.authToken.deleteMany({ where: { id: row.id } });
  if (count !== 1) return { ok: false, reason: "invalid" };
  return { ok: true, userId: row.userId, email: row.email };
}
