import "server-only";
import type { PlatformRole } from "@/lib/admin-schemas";
import { recordAdminEvent } from "../orgs/audit";
import { recordSecurityEvent } from "../security/security-log";
import { isBanActive } from "./bans";
import { withAdminsHeld, type NotAdmin } from "./held";

export type RoleChangeResult = "changed" | "unchanged" | "not-found" | "self" | "last-admin" | "banned" | NotAdmin;

/**
 * Makes a user an admin or a user again: from /admin by another admin (after step-up), or from
 * `npm run user:role` (`actorId` null). Nobody changes their own role from /admin, a banned user
 * can't be made an admin, and the last admin stays one. Recorded in the audit log and the user's
 * security log.
 */
export async function changePlatformRole(
  actorId: string | null,
  targetId: string,
  role: PlatformRole,
): Promise<RoleChangeResult> {
  if (actorId && targetId === actorId) return "self";
  const result = await withAdminsHeld(actorId, async (tx) => {
    const target = await tx.user.findUnique({
      where: { id: targetId },
      select: { role: true, bannedAt: true, banExpires: true },
    });
    if (!target) return "not-found" as const;
    if (target.role === role) return "unchanged" as const;
    if (role === "admin" && isBanActive(target)) return "banned" as const;
    if (role === "user" && (await tx.user.count({ where: { role: "admin" } })) <= 1) return "last-admin" as const;
    await tx.user.update({ where: { id: targetId }, data: { role } });
    await recordAdminEvent({ actorId, action: "user.role-changed", target: targetId, detail: role }, tx);
    return "changed" as const;
  });
  if (result === "changed") await recordSecurityEvent(targetId, "platform-role-changed", role);
  return result;
}
