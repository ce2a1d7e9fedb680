import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db";
import { absoluteLifetimeSeconds, isPastAbsoluteLifetime, nextExpiry, SESSION_LIFETIME } from "./lifetime";
import { supportAccessHolds } from "../admin/support-rules";
import { isBanActive } from "../admin/bans";
import { hashToken } from "../security/secrets";
import { sessionUserColumns, sessionUserFields, type SessionUserFields } from "./user-fields";

/**
 * The one read of a session per request. Auth.js asks for it through the adapter
 * (src/server/auth/adapter.ts `getSessionAndUser`) when middleware calls `auth()`; pages, route
 * handlers and server actions then get the same session through a signed header (./header.ts),
 * so their own `auth()` reads nothing. One SQL statement
 * reads the session and its user together; whether anything must be written is decided here, in
 * JavaScript, from the row already read:
 * - past its expiry or its absolute lifetime, or its user banned, or a support session that no
 *   longer holds (its admin demoted, the user made an admin, support access switched off): the
 *   row is deleted and there is no session;
 * - last seen more than a minute ago: activity (time, IP, user agent) is recorded;
 * - last refreshed more than an hour ago: its expiry moves forward (idle timeout, capped by the
 *   absolute lifetime).
 * Both writes, when due, are one UPDATE. Same semantics as Auth.js's own session endpoint with
 * our adapter (src/server/auth/adapter.ts); tests/integration/session-read.test.ts holds the two
 * side by side.
 */

interface SessionRow {
  id: string;
  userId: string;
  expires: Date | string;
  createdAt: Date | string;
  authenticatedAt: Date | string;
  lastSeenAt: Date | string | null;
  method: string | null;
  secondFactorPending: boolean | number;
  emailVerified: Date | string | null;
  bannedAt: Date | string | null;
  banExpires: Date | string | null;
  impersonatorId: string | null;
  impersonatorEmail: string | null;
  impersonatorRole: string | null;
  /** The columns in SESSION_USER_FIELDS (./user-fields.ts). */
  [column: string]: unknown;
}

/** The session row as the adapter hands it to Auth.js (the token stays out: Auth.js adds it). */
export interface StoredSession {
  id: string;
  userId: string;
  expires: Date;
  createdAt: Date;
  authenticatedAt: Date;
  method: string | null;
  secondFactorPending: boolean;
  /** Support access: the admin seeing the app as this user (src/server/admin/support-access.ts). */
  impersonator: { id: string; email: string } | null;
}

/** The user as the adapter hands it to Auth.js: its id, emailVerified, and SESSION_USER_FIELDS. */
export type SessionUser = { id: string; emailVerified: Date | null } & SessionUserFields;

export interface RequestInfo {
  ipAddress: string | null;
  userAgent: string | null;
}

export interface SessionRead {
  session: StoredSession;
  user: SessionUser;
  /** Set when this read moved the expiry forward: the cookie should carry the new date. */
  refreshedExpires: Date | null;
}

/** When an active session's expiry is due to move forward (Auth.js's updateAge formula). */
function refreshDue(expires: Date, now: Date): boolean {
  return (
    expires.getTime() - SESSION_LIFETIME.idleSeconds * 1000 + SESSION_LIFETIME.refreshSeconds * 1000 <= now.getTime()
  );
}

/** The expiry a refresh gives, or null once the absolute lifetime has capped it where it already is (nothing to write). */
function movedExpiry(expires: Date, createdAt: Date, now: Date, lifetimeSeconds: number): Date | null {
  const next = nextExpiry(createdAt, now, lifetimeSeconds);
  return next.getTime() !== expires.getTime() ? next : null;
}

function touchDue(lastSeenAt: Date | null, now: Date): boolean {
  return !lastSeenAt || now.getTime() - lastSeenAt.getTime() >= SESSION_LIFETIME.touchSeconds * 1000;
}

async function findSessionWithUser(sessionTokenHash: string): Promise<SessionRow | null> {
  // The user's columns come from SESSION_USER_FIELDS (fixed identifiers in code, checked there).
  const userColumns = Prisma.raw(sessionUserColumns("u").join(", "));
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s."id", s."userId", s."expires", s."createdAt", s."authenticatedAt", s."lastSeenAt", s."method",
           s."secondFactorPending", s."impersonatorId", u."emailVerified", u."bannedAt", u."banExpires",
           i."email" AS "impersonatorEmail", i."role" AS "impersonatorRole", ${userColumns}
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "User" i ON i."id" = s."impersonatorId"
    WHERE s."sessionToken" = ${sessionTokenHash}`;
  return rows[0] ?? null;
}

/** The one UPDATE, when something is due: a single statement (no transaction around it). */
async function recordUse(id: string, now: Date, activity: RequestInfo | null, expires: Date | null): Promise<void> {
  const sets = [Prisma.sql`"updatedAt" = ${now}`];
  if (activity) {
    sets.push(Prisma.sql`"lastSeenAt" = ${now}`);
    sets.push(Prisma.sql`"ipAddress" = ${activity.ipAddress}`);
    sets.push(Prisma.sql`"userAgent" = ${activity.userAgent?.slice(0, 512) ?? null}`);
  }
  if (expires) sets.push(Prisma.sql`"expires" = ${expires}`);
  await db.$executeRaw`UPDATE "Session" SET ${Prisma.join(sets, ", ")} WHERE "id" = ${id}`;
}

/** `info` null (a script, a test outside any request): nothing to record, so activity is left as it was. */
export async function readSession(
  rawToken: string,
  info: RequestInfo | null,
  now = new Date(),
): Promise<SessionRead | null> {
  const row = await findSessionWithUser(hashToken(rawToken));
  if (!row) return null;
  const expires = new Date(row.expires);
  const createdAt = new Date(row.createdAt);
  const lifetimeSeconds = absoluteLifetimeSeconds(row);
  // A ban ends every session when it is written (src/server/admin/bans.ts); one signed in at that
  // very moment ends here, on its first request.
  if (
    expires < now ||
    isPastAbsoluteLifetime(createdAt, now, lifetimeSeconds) ||
    isBanActive(row, now) ||
    (row.impersonatorId && !supportAccessHolds({ adminRole: row.impersonatorRole, userRole: row.role }))
  ) {
    await db.session.deleteMany({ where: { id: row.id } });
    return null;
  }

  const lastSeenAt = row.lastSeenAt ? new Date(row.lastSeenAt) : null;
  const activity = info && touchDue(lastSeenAt, now) ? info : null;
  const refreshedExpires = refreshDue(expires, now) ? movedExpiry(expires, createdAt, now, lifetimeSeconds) : null;
  if (activity || refreshedExpires) await recordUse(row.id, now, activity, refreshedExpires);

  return {
    refreshedExpires,
    session: {
      id: row.id,
      userId: row.userId,
      expires: refreshedExpires ?? expires,
      createdAt,
      authenticatedAt: new Date(row.authenticatedAt),
      method: row.method,
      // SQLite hands a boolean column to raw queries as 0/1.
      secondFactorPending: Boolean(row.secondFactorPending),
      impersonator:
        row.impersonatorId && row.impersonatorEmail ? { id: row.impersonatorId, email: row.impersonatorEmail } : null,
    },
    user: {
      ...sessionUserFields(row),
      id: row.userId,
      emailVerified: row.emailVerified ? new Date(row.emailVerified) : null,
    },
  };
}
