import "server-only";
import type { Session } from "next-auth";
import { cookies } from "next/headers";
import type { ActionState } from "@/lib/action-state";
import { site } from "@/config/site";
import { db } from "../db";
import { env } from "../env";
import { recordAdminEvent } from "../orgs/audit";
import { generateToken, hashToken } from "../security/secrets";
import { recordSecurityEvent } from "../security/security-log";
import { clearSessionCookie, currentSessionToken, setSessionCookie } from "../sessions/cookie";
import { SUPPORT_ACCESS_SECONDS } from "../sessions/lifetime";
import { isBanActive } from "./bans";
import { withAdminsHeld, type NotAdmin } from "./held";
import { supportAccessEnabled } from "./support-rules";

/**
 * Support access ("impersonation", docs/decisions/0022-support-access.md): an admin sees the app as
 * a user, to help them. Off unless ADMIN_IMPERSONATION=on; opened behind step-up from
 * /admin/users/[id]; never as another admin (or a suspended user). It is a session of the user's
 * with `impersonatorId` set, which:
 * - lives SUPPORT_ACCESS_SECONDS from its start, however active (src/server/sessions/lifetime.ts);
 * - is never "recently authenticated" (its authenticatedAt is the epoch, and step-up never renews
 *   it), so every step-up gate refuses it, and the security pages and their actions refuse it
 *   outright (refuseDuringSupport; middleware's SUPPORT_BLOCKED_PATHS);
 * - ends at its next request once its admin is demoted, its user is made an admin, or support
 *   access is switched off (./support-rules.ts, read by the session read);
 * - is in the user's security log ("support access by <admin>") and on their sessions page.
 * The admin's own session waits, untouched, in an httpOnly cookie of this browser until "Stop".
 */

const RETURN_COOKIE = `${site.slug}.support-return`;

/** When a support session started now must end. */
export function supportAccessEnds(start: Date): Date {
  return new Date(start.getTime() + SUPPORT_ACCESS_SECONDS * 1000);
}

export type SupportStart =
  { ok: true; token: string } | { ok: false; reason: "off" | "self" | "not-found" | "admin" | "banned" | NotAdmin };

/** Opens a support session as `targetId` for the admin `actor`; the raw token is for the cookie only. */
export async function startSupportAccess(
  actor: { id: string; email: string },
  targetId: string,
): Promise<SupportStart> {
  if (!supportAccessEnabled()) return { ok: false, reason: "off" };
  if (targetId === actor.id) return { ok: false, reason: "self" };
  const token = generateToken();
  const now = new Date();
  const result = await withAdminsHeld(actor.id, async (tx) => {
    const target = await tx.user.findUnique({
      where: { id: targetId },
      select: { role: true, bannedAt: true, banExpires: true },
    });
    if (!target) return "not-found" as const;
    if (target.role === "admin") return "admin" as const;
    if (isBanActive(target, now)) return "banned" as const;
    await tx.session.create({
      data: {
        sessionToken: hashToken(token),
        userId: targetId,
        impersonatorId: actor.id,
        method: "support",
        createdAt: now,
        // Never recent: no step-up gate ever opens for a support session.
        authenticatedAt: new Date(0),
        expires: supportAccessEnds(now),
      },
    });
    await recordAdminEvent({ actorId: actor.id, action: "user.support-started", target: targetId }, tx);
    return "started" as const;
  });
  if (result !== "started") return { ok: false, reason: result };
  await recordSecurityEvent(targetId, "support-access", actor.email);
  return { ok: true, token };
}

/**
 * In the admin's browser: keeps the admin's own session cookie aside (httpOnly, Strict, no longer
 * than the support session) and puts the support session in its place.
 */
export async function switchToSupportSession(supportToken: string): Promise<void> {
  const adminToken = await currentSessionToken();
  const jar = await cookies();
  if (adminToken) {
    jar.set(RETURN_COOKIE, adminToken, {
      httpOnly: true,
      sameSite: "strict",
      secure: env.secureCookies,
      path: "/",
      maxAge: SUPPORT_ACCESS_SECONDS,
    });
  }
  await setSessionCookie(supportToken);
}

/**
 * "Stop": ends this browser's support session, records it, and gives the browser its admin's own
 * session back: only a live session of that same admin (anything else in the cookie is dropped,
 * and the browser is signed out). Returns whether the admin is signed in again.
 */
export async function stopSupportAccess(session: Session): Promise<boolean> {
  const impersonator = session.supportAccess;
  if (!impersonator) return false;
  const { count } = await db.session.deleteMany({ where: { id: session.sessionId, impersonatorId: { not: null } } });
  if (count === 1) {
    await recordAdminEvent({ actorId: impersonator.adminId, action: "user.support-ended", target: session.user.id });
  }
  const jar = await cookies();
  const adminToken = jar.get(RETURN_COOKIE)?.value;
  jar.delete(RETURN_COOKIE);
  const own = adminToken
    ? await db.session.findUnique({
        where: { sessionToken: hashToken(adminToken) },
        select: { userId: true, impersonatorId: true, expires: true },
      })
    : null;
  if (adminToken && own && own.userId === impersonator.adminId && !own.impersonatorId && own.expires > new Date()) {
    await setSessionCookie(adminToken);
    return true;
  }
  await clearSessionCookie();
  return false;
}

export const SUPPORT_REFUSED: ActionState = {
  error: "Not during support access: the user changes their own sign-in and security settings.",
};

/**
 * For the security actions (passwords, two-factor, passkeys, sessions, email, GitHub, deletion,
 * step-up): a support session gets SUPPORT_REFUSED, whatever the form says.
 */
export function refuseDuringSupport(session: Session): ActionState | null {
  return session.supportAccess ? SUPPORT_REFUSED : null;
}
