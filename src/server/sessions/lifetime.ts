/** How long sessions live. Pure: used by the session read, the adapter, cleanup and copy. */

/**
 * Session lifetime, for every sign-in method, in one place (docs/decisions/0008-session-lifetime.md).
 * - idle: a session unused this long expires (Auth.js's maxAge; each use pushes `expires` forward);
 * - absolute: no session lives longer than this from sign-in, however active;
 * - refresh: how often an active session's `expires` is pushed forward (Auth.js's updateAge);
 * - touch: how often the session read records last-seen time, IP and user agent
 *   (src/server/sessions/read.ts).
 */
export const SESSION_LIFETIME = {
  idleSeconds: 7 * 24 * 60 * 60,
  absoluteSeconds: 30 * 24 * 60 * 60,
  refreshSeconds: 60 * 60,
  touchSeconds: 60,
} as const;

/** A support session (src/server/admin/support-access.ts) lives this long from its start, however active. */
export const SUPPORT_ACCESS_SECONDS = 60 * 60;

/** How long a session may live from its start: support sessions an hour, the others the absolute lifetime. */
export function absoluteLifetimeSeconds(session: { impersonatorId?: string | null }): number {
  return session.impersonatorId ? SUPPORT_ACCESS_SECONDS : SESSION_LIFETIME.absoluteSeconds;
}

/** The expiry a session used now should get: idle timeout, capped by the absolute lifetime. */
export function nextExpiry(
  createdAt: Date,
  now = new Date(),
  absoluteSeconds: number = SESSION_LIFETIME.absoluteSeconds,
): Date {
  const idle = now.getTime() + SESSION_LIFETIME.idleSeconds * 1000;
  const absolute = createdAt.getTime() + absoluteSeconds * 1000;
  return new Date(Math.min(idle, absolute));
}

export function isPastAbsoluteLifetime(
  createdAt: Date,
  now = new Date(),
  absoluteSeconds: number = SESSION_LIFETIME.absoluteSeconds,
): boolean {
  return now.getTime() >= createdAt.getTime() + absoluteSeconds * 1000;
}
