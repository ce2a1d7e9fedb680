import { db } from "@/server/db";
import { generateToken, hashToken } from "@/server/security/secrets";
import { SESSION_LIFETIME } from "@/server/sessions/lifetime";

export const DAY = 24 * 60 * 60 * 1000;

/**
 * A session row as if signed in `ageMs` ago, refreshed `idleMs` ago and last seen `seenMs` ago
 * (never, when left out); returns its id and the cookie value.
 */
export async function sessionFor(
  userId: string,
  { ageMs = 0, idleMs = 0, seenMs }: { ageMs?: number; idleMs?: number; seenMs?: number } = {},
) {
  const token = generateToken();
  const now = Date.now();
  const row = await db.session.create({
    data: {
      userId,
      sessionToken: hashToken(token),
      method: "credentials",
      createdAt: new Date(now - ageMs),
      authenticatedAt: new Date(now - ageMs),
      lastSeenAt: seenMs === undefined ? null : new Date(now - seenMs),
      expires: new Date(now - idleMs + SESSION_LIFETIME.idleSeconds * 1000),
    },
  });
  return { token, id: row.id };
}
