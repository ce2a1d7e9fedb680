import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";

/** Why an admin's change was not made: they are no longer an admin (demoted since the page loaded). */
export type NotAdmin = "not-admin";

/**
 * Runs `work` with the platform's admins held still, the way withOrgHeld holds an organization
 * (src/server/orgs/held.ts): one transaction that first writes every admin's row (on PostgreSQL,
 * row locks that make a second admin change wait until this one commits: two admins demoting each
 * other at once can't leave none), then reads the actor's role again. The role that decides is
 * the one read here. `actorId` null is the command line (`npm run user:role`), trusted as an admin.
 */
export async function withAdminsHeld<T>(
  actorId: string | null,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T | NotAdmin> {
  return db.$transaction(async (tx) => {
    await tx.user.updateMany({ where: { role: "admin" }, data: { updatedAt: new Date() } });
    if (actorId) {
      const actor = await tx.user.findUnique({ where: { id: actorId }, select: { role: true } });
      if (actor?.role !== "admin") return "not-admin" as const;
    }
    return work(tx);
  });
}
