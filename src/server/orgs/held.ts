import "server-only";
import type { Prisma } from "@prisma/client";
import { can, isOrgRole, type OrgAction, type OrgRole } from "@/lib/org-permissions";
import { db } from "../db";
import type { OrgMember } from "./membership";

/** Why a change was not made: the actor is no longer a member, or no longer allowed to. */
export type Refused = "not-member" | "forbidden";

/**
 * Runs `work` with the organization's memberships held still: one transaction that first writes
 * the organization's row, then reads the actor's role again inside it. On PostgreSQL that row lock
 * makes a second change to the same organization wait until this one commits (two owners demoting
 * each other at once, the last two owners both leaving); SQLite runs write transactions one at a
 * time anyway. The role that decides is the one read here: the call answers "not-member" when the
 * actor was removed since the request began, and "forbidden" when their role no longer allows
 * `action`; otherwise `work` runs with that role.
 */
export async function withOrgHeld<T>(
  actor: OrgMember,
  action: OrgAction,
  work: (tx: Prisma.TransactionClient, actorRole: OrgRole) => Promise<T>,
): Promise<T | Refused> {
  return db.$transaction(async (tx) => {
    const held = await tx.organization.updateMany({
      where: { id: actor.organization.id },
      data: { updatedAt: new Date() },
    });
    if (held.count === 0) return "not-member" as const;
    const now = await tx.membership.findFirst({
      where: { id: actor.membershipId, organizationId: actor.organization.id, userId: actor.userId },
      select: { role: true },
    });
    if (!now || !isOrgRole(now.role)) return "not-member" as const;
    if (!can({ role: now.role }, action)) return "forbidden" as const;
    return work(tx, now.role);
  });
}

/** How many owners the organization has, inside a held transaction. */
export function countOwners(tx: Prisma.TransactionClient, organizationId: string): Promise<number> {
  return tx.membership.count({ where: { organizationId, role: "owner" } });
}
