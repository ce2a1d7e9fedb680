import "server-only";
import { db } from "./db";
import { SECURITY_EVENT_RETENTION_DAYS } from "./security/security-log";
import { deleteExpiredSigningKeys } from "./service-tokens/signing-keys";
import { SESSION_LIFETIME } from "./sessions/lifetime";

/**
 * Deletes what is past its use: expired sessions, tokens, sign-in codes and passkey challenges, old rate-limit counters,
 * security events older than the retention period, API tokens a month after they expired (their
 * owner sees them as expired until then), and signing keys no live service token needs. Runs every few hours in the server
 * (src/instrumentation.ts) and on demand with `npm run db:cleanup`.
 */
export async function cleanupExpiredRecords(now = new Date()) {
  const absoluteCutoff = new Date(now.getTime() - SESSION_LIFETIME.absoluteSeconds * 1000);
  const eventCutoff = new Date(now.getTime() - SECURITY_EVENT_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const [sessions, authTokens, verificationTokens, rateLimits, securityEvents] = await db.$transaction([
    db.session.deleteMany({ where: { OR: [{ expires: { lt: now } }, { createdAt: { lt: absoluteCutoff } }] } }),
    db.authToken.deleteMany({ where: { expires: { lt: now } } }),
    db.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
    db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } }),
    db.securityEvent.deleteMany({ where: { createdAt: { lt: eventCutoff } } }),
  ]);
  const passkeyChallenges = await db.passkeyChallenge.deleteMany({ where: { expires: { lt: now } } });
  const signInCodes = await db.signInCode.deleteMany({ where: { expires: { lt: now } } });
  const apiTokenCutoff = new Date(now.getTime() - API_TOKEN_SHOWN_AFTER_EXPIRY_DAYS * 24 * 60 * 60 * 1000);
  const apiTokens = await db.apiToken.deleteMany({ where: { expiresAt: { lt: apiTokenCutoff } } });
  const signingKeys = await deleteExpiredSigningKeys(now);
  return {
    sessions: sessions.count,
    authTokens: authTokens.count,
    verificationTokens: verificationTokens.count,
    rateLimits: rateLimits.count,
    securityEvents: securityEvents.count,
    passkeyChallenges: passkeyChallenges.count,
    signInCodes: signInCodes.count,
    apiTokens: apiTokens.count,
    signingKeys: signingKeys.count,
  };
}

/** An expired API token stays on its owner's list, marked expired, this long. */
export const API_TOKEN_SHOWN_AFTER_EXPIRY_DAYS = 30;

const CLEANUP_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** Cleans up a minute after start, then every six hours, without keeping the process alive. */
export function scheduleCleanup(): void {
  const run = () => {
    cleanupExpiredRecords().catch((error: unknown) => console.error("[cleanup] failed", error));
  };
  setTimeout(run, 60_000).unref();
  setInterval(run, CLEANUP_INTERVAL_MS).unref();
}
