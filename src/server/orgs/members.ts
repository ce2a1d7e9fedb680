import "server-only";
import type { Prisma } from "@prisma/client";
import { canActOn, canGrant, type OrgRole } from "@/lib/org-permissions";
import { db } from "../db";
import { sendMembershipChangedEmail, sendNotice } from "../mail/messages";
import { recordOrgEvent } from "./audit";
import { countOwners, withOrgHeld, type Refused } from "./held";
import type { OrgMember } from "./membership";

/**
 * Changing, removing and leaving memberships. Each change runs in withOrgHeld, with the actor's role
 * read again inside it; the target is looked up in the actor's organization by its membership id
 * (another organization's id finds nothing); the rules are src/lib/org-permissions.ts's.
 */

export async function listMembers(organizationId: string) {
  return db.membership.findMany({
    where: { organizationId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}

export function countMembers(organizationId: string): Promise<number> {
  return db.membership.count({ where: { organizationId } });
}

export type MemberChangeResult = "done" | "not-found" | "self" | "last-owner" | Refused;

async function targetIn(tx: Prisma.TransactionClient, actor: OrgMember, membershipId: string) {
  return tx.membership.findFirst({
    where: { organizationId: actor.organization.id, id: membershipId },
    select: { id: true, role: true, userId: true, user: { select: { email: true } } },
  });
}

/** Gives a member another role: only someone above them, at most up to the actor's own role. */
export async function changeMemberRole(
  actor: OrgMember,
  membershipId: string,
  role: OrgRole,
): Promise<MemberChangeResult> {
  const outcome = await withOrgHeld(actor, "members.changeRole", async (tx, actorRole) => {
    const target = await targetIn(tx, actor, membershipId);
    if (!target) return "not-found" as const;
    if (target.userId === actor.userId) return "self" as const;
    if (target.role === role) return { email: target.user.email, from: target.role };
    if (!canActOn(actorRole, target.role as OrgRole) || !canGrant(actorRole, role)) return "forbidden" as const;
    if (target.role === "owner" && (await countOwners(tx, actor.organization.id)) <= 1) return "last-owner" as const;
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await recordOrgEvent(
      {
        organizationId: actor.organization.id,
        actorId: actor.userId,
        action: "member.role-changed",
        target: target.user.email,
        detail: `${target.role} → ${role}`,
      },
      tx,
    );
    return { email: target.user.email, from: target.role };
  });
  if (typeof outcome === "string") return outcome;
  if (outcome.from !== role) {
    await sendNotice("role-changed", () =>
      sendMembershipChangedEmail(outcome.email, actor.organization.name, { kind: "role-changed", role }),
    );
  }
  return "done";
}

/** Removes a member: only someone above them (owners remove owners, never the last one). */
export async function removeMember(actor: OrgMember, membershipId: string): Promise<MemberChangeResult> {
  const outcome = await withOrgHeld(actor, "members.remove", async (tx, actorRole) => {
    const target = await targetIn(tx, actor, membershipId);
    if (!target) return "not-found" as const;
    if (target.userId === actor.userId) return "self" as const;
    if (!canActOn(actorRole, target.role as OrgRole)) return "forbidden" as const;
    if (target.role === "owner" && (await countOwners(tx, actor.organization.id)) <= 1) return "last-owner" as const;
    await tx.membership.delete({ where: { id: target.id } });
    await recordOrgEvent(
      {
        organizationId: actor.organization.id,
        actorId: actor.userId,
        action: "member.removed",
        target: target.user.email,
      },
      tx,
    );
    return { email: target.user.email };
  });
  if (typeof outcome === "string") return outcome;
  await sendNotice("member-removed", () =>
    sendMembershipChangedEmail(outcome.email, actor.organization.name, { kind: "removed" }),
  );
  return "done";
}

/** The actor leaves; the last owner can't (they transfer ownership or delete the organization). */
export async function leaveOrganization(actor: OrgMember): Promise<"done" | "last-owner" | Refused> {
  return withOrgHeld(actor, "org.leave", async (tx, actorRole) => {
    if (actorRole === "owner" && (await countOwners(tx, actor.organization.id)) <= 1) return "last-owner" as const;
    await tx.membership.delete({ where: { id: actor.membershipId } });
    await tx.user.updateMany({
      where: { id: actor.userId, lastOrganizationId: actor.organization.id },
      data: { lastOrganizationId: null },
    });
    await recordOrgEvent({ organizationId: actor.organization.id, actorId: actor.userId, action: "member.left" }, tx);
    return "done" as const;
  });
}

/** An owner hands ownership to another member and becomes an admin. */
export async function transferOwnership(actor: OrgMember, membershipId: string): Promise<MemberChangeResult> {
  const outcome = await withOrgHeld(actor, "org.transferOwnership", async (tx) => {
    const target = await targetIn(tx, actor, membershipId);
    if (!target) return "not-found" as const;
    if (target.userId === actor.userId) return "self" as const;
    await tx.membership.update({ where: { id: target.id }, data: { role: "owner" } });
    await tx.membership.update({ where: { id: actor.membershipId }, data: { role: "admin" } });
    await recordOrgEvent(
      {
        organizationId: actor.organization.id,
        actorId: actor.userId,
        action: "org.ownership-transferred",
        target: target.user.email,
      },
      tx,
    );
    return { email: target.user.email };
  });
  if (typeof outcome === "string") return outcome;
  await sendNotice("ownership-transferred", () =>
    sendMembershipChangedEmail(outcome.email, actor.organization.name, { kind: "role-changed", role: "owner" }),
  );
  return "done";
}

/**
 * The organizations this user is the only owner of. Deleting the account is refused while there
 * are any (src/server/account/deletion.ts): it would leave them with nobody who can run them.
 */
export async function soleOwnedOrganizations(
  userId: string,
  tx: Prisma.TransactionClient = db,
): Promise<Array<{ name: string; slug: string }>> {
  const owned = await tx.membership.findMany({
    where: { userId, role: "owner" },
    select: {
      organization: {
        select: { name: true, slug: true, _count: { select: { memberships: { where: { role: "owner" } } } } },
      },
    },
  });
  return owned
    .filter((m) => m.organization._count.memberships === 1)
    .map(({ organization: { name, slug } }) => ({ name, slug }));
}
