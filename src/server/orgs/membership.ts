import "server-only";
import { Prisma } from "@prisma/client";
import { notFound } from "next/navigation";
import { can, isOrgRole, type OrgAction, type OrgRole } from "@/lib/org-permissions";
import { orgSlugProblem } from "@/lib/org-slug";
import { db } from "../db";
import { requestPath } from "../request-path";
import { requireSession } from "../sessions/current";

/** Someone's place in one organization, as read from the database for this request. */
export interface OrgMember {
  membershipId: string;
  userId: string;
  role: OrgRole;
  organization: { id: string; name: string; slug: string };
}

/**
 * The user's membership in the organization `slug` names, or null: no such organization and not a
 * member look the same. One SQL statement on two unique indexes (Organization.slug, then
 * Membership's organizationId + userId); a slug that can't exist reads nothing.
 */
export async function findMembership(userId: string, slug: string): Promise<OrgMember | null> {
  if (orgSlugProblem(slug)) return null;
  const rows = await db.$queryRaw<Array<{ id: string; role: string; orgId: string; name: string; slug: string }>>(
    Prisma.sql`SELECT m."id", m."role", o."id" AS "orgId", o."name", o."slug"
      FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId"
      WHERE o."slug" = ${slug} AND m."userId" = ${userId}`,
  );
  const row = rows[0];
  if (!row || !isOrgRole(row.role)) return null;
  return {
    membershipId: row.id,
    userId,
    role: row.role,
    organization: { id: row.orgId, name: row.name, slug: row.slug },
  };
}

/** The slug of an /orgs/[slug]/… path, or null. */
export function orgSlugFromPath(path: string | null): string | null {
  const match = /^\/orgs\/([^/?#]+)/.exec(path ?? "");
  return match?.[1] ?? null;
}

/**
 * For org pages: the signed-in user's membership in the organization of the URL, allowed to do
 * `action`; otherwise 404, the same answer whether the organization exists or not.
 */
export async function requireOrgMember(slug: string, action: OrgAction = "org.view") {
  const session = await requireSession(`/orgs/${encodeURIComponent(slug)}`);
  const member = await findMembership(session.user.id, slug);
  if (!member || !can(member, action)) notFound();
  return { session, member };
}

/** For org actions: the membership of the user in the organization of the URL the action was posted to. */
export async function memberOfRequestedOrg(userId: string): Promise<OrgMember | null> {
  const slug = orgSlugFromPath(await requestPath());
  return slug ? findMembership(userId, slug) : null;
}
