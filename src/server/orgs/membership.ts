import "server-only";
import { Prisma } from "@prisma/client";
import { notFound } from "next/navigation";
import { cache } from "react";
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

export interface MyOrganizations {
  memberships: OrgMember[];
  /** Where /orgs goes back to (only that: the URL is the org context everywhere else). */
  lastOrganizationId: string | null;
}

/**
 * Every membership of the user, with each organization's name and slug, and the organization they
 * opened last: one SQL statement (the Membership.userId index, at most MAX_ORGS_PER_USER rows),
 * read once per request. It answers "is this user in the organization of the URL, with which
 * role", the org switcher and /orgs.
 */
export const myOrganizations = cache(async (userId: string): Promise<MyOrganizations> => {
  const rows = await db.$queryRaw<
    Array<{ id: string; role: string; orgId: string; name: string; slug: string; lastOrganizationId: string | null }>
  >(
    Prisma.sql`SELECT m."id", m."role", o."id" AS "orgId", o."name", o."slug", u."lastOrganizationId"
      FROM "Membership" m
      JOIN "Organization" o ON o."id" = m."organizationId"
      JOIN "User" u ON u."id" = m."userId"
      WHERE m."userId" = ${userId}`,
  );
  const memberships = rows
    .filter((row) => isOrgRole(row.role))
    .map((row) => ({
      membershipId: row.id,
      userId,
      role: row.role as OrgRole,
      organization: { id: row.orgId, name: row.name, slug: row.slug },
    }))
    .sort((a, b) => a.organization.name.localeCompare(b.organization.name));
  return { memberships, lastOrganizationId: rows[0]?.lastOrganizationId ?? null };
});

/**
 * The user's membership in the organization `slug` names, or null: no such organization and not a
 * member look the same. A slug that can't exist reads nothing.
 */
export async function findMembership(userId: string, slug: string): Promise<OrgMember | null> {
  if (orgSlugProblem(slug)) return null;
  return (await myOrganizations(userId)).memberships.find((m) => m.organization.slug === slug) ?? null;
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
