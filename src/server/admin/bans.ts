import "server-only";
import { BAN_DURATIONS } from "@/lib/admin-schemas";
import { db } from "../db";
import { recordAdminEvent } from "../orgs/audit";
import { recordSecurityEvent } from "../security/security-log";
import { withAdminsHeld, type NotAdmin } from "./held";

export interface BanColumns {
  bannedAt: Date | string | null;
  banExpires: Date | string | null;
}

/** Banned now: a ban is set and has not expired (an expired ban lifts by itself, nothing to write). */
export function isBanActive(user: BanColumns, now = new Date()): boolean {
  if (!user.bannedAt) return false;
  return !user.banExpires || new Date(user.banExpires) > now;
}

/** A banned user's sign-in never gets a session (the doors say so in words before they get here). */
export class AccountSuspendedError extends Error {
  constructor() {
    super("This account is suspended.");
    this.name = "AccountSuspendedError";
  }
}

export async function isUserBanned(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { bannedAt: true, banExpires: true } });
  return user ? isBanActive(user) : false;
}

/**
 * For Auth.js's signIn callback (auth.ts): the user it is about to sign in, by id (a known
 * account) or address (GitHub's, before it is linked), is suspended.
 */
export async function isSignInBanned(user: { id?: string | null; email?: string | null }): Promise<boolean> {
  const or = [...(user.id ? [{ id: user.id }] : []), ...(user.email ? [{ email: user.email.toLowerCase() }] : [])];
  if (or.length === 0) return false;
  const rows = await db.user.findMany({ where: { OR: or }, select: { bannedAt: true, banExpires: true } });
  return rows.some((row) => isBanActive(row));
}

/**
 * The last check before any session is created (src/server/sessions/store.ts, the adapter): every
 * sign-in door refuses a banned user with words first; this holds if one ever forgets.
 */
export async function refuseBannedSignIn(userId: string): Promise<void> {
  if (await isUserBanned(userId)) throw new AccountSuspendedError();
}

export type BanResult = "banned" | "not-found" | "self" | "admin" | NotAdmin;

/**
 * Bans a user: in one transaction the ban is written, every session of theirs ends, and the audit
 * log records it; then their security log says so. An admin can't ban themself, nor another admin
 * (remove their admin role first).
 */
export async function banUser(
  actorId: string,
  targetId: string,
  { reason, duration }: { reason: string; duration: keyof typeof BAN_DURATIONS },
): Promise<BanResult> {
  if (targetId === actorId) return "self";
  const days = BAN_DURATIONS[duration];
  const now = new Date();
  const banExpires = days === null ? null : new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
  const result = await withAdminsHeld(actorId, async (tx) => {
    const target = await tx.user.findUnique({ where: { id: targetId }, select: { role: true } });
    if (!target) return "not-found" as const;
    if (target.role === "admin") return "admin" as const;
    await tx.user.update({ where: { id: targetId }, data: { bannedAt: now, banReason: reason, banExpires } });
    await tx.session.deleteMany({ where: { userId: targetId } });
    await tx.rememberedDevice.deleteMany({ where: { userId: targetId } });
    const until = banExpires ? `until ${banExpires.toISOString()}` : "until lifted";
    await recordAdminEvent({ actorId, action: "user.banned", target: targetId, detail: `${until}: ${reason}` }, tx);
    return "banned" as const;
  });
  if (result === "banned") await recordSecurityEvent(targetId, "banned", banExpires?.toISOString());
  return result;
}

export type UnbanResult = "unbanned" | "not-found" | NotAdmin;

export async function unbanUser(actorId: string, targetId: string): Promise<UnbanResult> {
  const result = await withAdminsHeld(actorId, async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: targetId },
      data: { bannedAt: null, banReason: null, banExpires: null },
    });
    if (count === 0) return "not-found" as const;
    await recordAdminEvent({ actorId, action: "user.unbanned", target: targetId }, tx);
    return "unbanned" as const;
  });
  if (result === "unbanned") await recordSecurityEvent(targetId, "unbanned");
  return result;
}
