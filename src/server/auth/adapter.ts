import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterAccount, AdapterSession } from "next-auth/adapters";
import { refuseBannedSignIn } from "../admin/bans";
import { db } from "../db";
import { databaseOutage } from "../database/unavailable";
import { isDatabaseUnavailable } from "../database/health";
import { absoluteLifetimeSeconds, nextExpiry } from "../sessions/lifetime";
import { readSession, type SessionRead } from "../sessions/read";
import { currentSessionScope } from "../sessions/scope";
import { hashToken } from "../security/secrets";
import { forgetFailedToken, isFailedToken } from "./magic-link";
import { forgetSignInCode } from "./sign-in-secrets";
import { sessionStart } from "../two-factor/second-factor";

/**
 * The Prisma adapter, except that
 * - session tokens are stored as sha256 hashes: Auth.js hands us the raw cookie value; we hash it
 *   on every way in and give the raw value back on the way out, because Auth.js puts
 *   `createSession().sessionToken` in the cookie;
 * - the session is read once per request, in one statement that also finds its user, with the
 *   activity and expiry writes decided from that row (src/server/sessions/read.ts): in middleware
 *   and on Auth.js's endpoints, which open a session scope (src/server/sessions/scope.ts). After
 *   middleware, `auth()` answers from the session middleware handed over before Auth.js (and so
 *   this adapter) is asked (src/server/sessions/header.ts);
 * - sessions end at their absolute lifetime however active they are (SESSION_LIFETIME);
 * - one live sign-in email per address: a new link replaces the old one, and using a link also
 *   deletes the code sent with it (src/server/auth/sign-in-secrets.ts);
 * - OAuth access, refresh and ID tokens are not stored: nothing uses them, so a database leak
 *   must not hand them out;
 * - with two-factor on, a new session starts pending (src/server/two-factor/second-factor.ts), and
 *   a pending session is no session to Auth.js (auth(), /api/auth/session, account linking),
 *   except to middleware, which needs it to send the browser to its second step.
 */
export function createAuthAdapter(): Adapter {
  const base = PrismaAdapter(db);

  const withRawToken = <T extends object>(row: T, raw: string): T & AdapterSession =>
    ({ ...row, sessionToken: raw }) as unknown as T & AdapterSession;

  return {
    ...base,
    async createSession({ sessionToken, userId, expires }) {
      await refuseBannedSignIn(userId);
      const row = await db.session.create({
        data: { sessionToken: hashToken(sessionToken), userId, expires, ...(await sessionStart(userId)) },
      });
      return withRawToken(row, sessionToken);
    },
    async getSessionAndUser(sessionToken) {
      const scope = currentSessionScope();
      const read = await readOnce(sessionToken);
      if (!read || (read.session.secondFactorPending && !scope?.keepPending)) return null;
      return { session: withRawToken(read.session, sessionToken), user: read.user };
    },
    async updateSession({ sessionToken, expires }) {
      // Auth.js asks right after the read when its own formula says the expiry is due; the read
      // has already moved it (or found it capped by the absolute lifetime), so nothing is written.
      const scope = currentSessionScope();
      if (scope?.read) return withRawToken(scope.read.session, sessionToken);
      const where = { sessionToken: hashToken(sessionToken) };
      const current = await db.session.findUnique({ where, select: { createdAt: true, impersonatorId: true } });
      if (!current) return null;
      // Auth.js asks for now + idle timeout; never past the absolute lifetime.
      const absolute = nextExpiry(current.createdAt, new Date(), absoluteLifetimeSeconds(current));
      const capped = expires ? new Date(Math.min(expires.getTime(), absolute.getTime())) : undefined;
      const row = await db.session.update({ where, data: { expires: capped } }).catch(() => null);
      return row ? withRawToken(row, sessionToken) : null;
    },
    async createVerificationToken(data) {
      const [, row] = await db.$transaction([
        db.verificationToken.deleteMany({ where: { identifier: data.identifier, token: { not: data.token } } }),
        db.verificationToken.create({ data }),
      ]);
      // The email for this token failed to send (see sendMagicLink): leave nothing usable behind.
      if (isFailedToken(data.token)) {
        await db.verificationToken.deleteMany({ where: { identifier: data.identifier, token: data.token } });
        forgetFailedToken(data.token);
        return null;
      }
      return row;
    },
    async useVerificationToken(params) {
      const row = await base.useVerificationToken!(params);
      if (row) await forgetSignInCode(row.identifier, row.token);
      return row;
    },
    async linkAccount(account) {
      const { access_token: _a, refresh_token: _r, id_token: _i, ...kept } = account;
      await base.linkAccount!(kept as AdapterAccount);
      return kept as AdapterAccount;
    },
    // Returns the deleted row: Auth.js hands it to the signOut event (the security log).
    async deleteSession(sessionToken) {
      const where = { sessionToken: hashToken(sessionToken) };
      const row = await db.session.findUnique({ where });
      if (!row) return null;
      await db.session.deleteMany({ where });
      return withRawToken(row, sessionToken);
    },
  };
}

/** The one database read of this request's session, with what it found left in the scope. */
async function readOnce(sessionToken: string): Promise<SessionRead | null> {
  const scope = currentSessionScope();
  try {
    const read = await readSession(sessionToken, scope?.info ?? null);
    if (scope) {
      scope.read = read;
      databaseOutage.succeeded();
    }
    return read;
  } catch (error) {
    if (scope && isDatabaseUnavailable(error)) {
      scope.databaseDown = true;
      databaseOutage.failed(error);
    }
    throw error;
  }
}
