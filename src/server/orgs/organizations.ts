import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db";
import { recordOrgEvent } from "./audit";
import { withOrgHeld, type Refused } from "./held";
import type { OrgMember } from "./membership";

export const MAX_ORGS_PER_USER = 50;

function slugTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export type CreateOrgResult = { ok: true; slug: string } | { ok: false; field: "slug" | "name"; message: string };

/**
 * A new organization with its creator as the owner: the organization, the membership and the audit
 * entry in one transaction, so a refused slug leaves nothing behind. The slug was judged by
 * orgSlugProblem (src/lib/org-slug.ts); its uniqueness is the database's.
 */
export async function createOrganization(userId: string, name: string, slug: string): Promise<CreateOrgResult> {
  const count = await db.membership.count({ where: { userId } });
  if (count >= MAX_ORGS_PER_USER) {
    return { ok: false, field: "name", message: `You can belong to at most ${MAX_ORGS_PER_USER} organizations.` };
  }
  try {
    await db.$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: { name, slug, memberships: { create: { userId, role: "owner" } } },
        select: { id: true },
      });
      await tx.user.update({ where: { id: userId }, data: { lastOrganizationId: org.id } });
      await recordOrgEvent({ organizationId: org.id, actorId: userId, action: "org.created", detail: name }, tx);
    });
  } catch (error) {
    if (slugTaken(error)) return { ok: false, field: "slug", message: "That URL is taken. Choose another." };
    throw error;
  }
  return { ok: true, slug };
}

/** The user's organizations with their role in each, by name. */
export async function listMyOrganizations(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
  });
  return memberships
    .map((m) => ({ ...m.organization, role: m.role }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
}

/** The organization the user opened last (/orgs goes back to it while they still belong to it). */
export async function lastOrganizationId(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { lastOrganizationId: true } });
  return user?.lastOrganizationId ?? null;
}

/** Remembers the organization the user opened, for /orgs (the caller writes only when it changed). */
export async function rememberLastOrganization(userId: string, organizationId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { lastOrganizationId: organizationId } });
}

export async function renameOrganization(actor: OrgMember, name: string): Promise<"renamed" | Refused> {
  return withOrgHeld(actor, "org.rename", async (tx) => {
    await tx.organization.update({ where: { id: actor.organization.id }, data: { name } });
    await recordOrgEvent(
      { organizationId: actor.organization.id, actorId: actor.userId, action: "org.renamed", detail: name },
      tx,
    );
    return "renamed" as const;
  });
}

export type ChangeSlugResult = "changed" | "taken" | Refused;

export async function changeOrganizationSlug(actor: OrgMember, slug: string): Promise<ChangeSlugResult> {
  try {
    return await withOrgHeld(actor, "org.changeSlug", async (tx) => {
      await tx.organization.update({ where: { id: actor.organization.id }, data: { slug } });
      await recordOrgEvent(
        {
          organizationId: actor.organization.id,
          actorId: actor.userId,
          action: "org.slug-changed",
          detail: `${actor.organization.slug} → ${slug}`,
        },
        tx,
      );
      return "changed" as const;
    });
  } catch (error) {
    if (slugTaken(error)) return "taken";
    throw error;
  }
}

/** Deletes the organization and everything in it (memberships, invitations, audit: cascade). */
export async function deleteOrganization(actor: OrgMember): Promise<"deleted" | Refused> {
  return withOrgHeld(actor, "org.delete", async (tx) => {
    await tx.user.updateMany({
      where: { lastOrganizationId: actor.organization.id },
      data: { lastOrganizationId: null },
    });
    await tx.organization.delete({ where: { id: actor.organization.id } });
    return "deleted" as const;
  });
}
