import type { OrgRole } from "@/lib/org-permissions";
import { db } from "@/server/db";
import { findMembership, type OrgMember } from "@/server/orgs/membership";
import { createOrganization } from "@/server/orgs/organizations";
import { randomBytes } from "node:crypto";
import { createUser } from "./users";

/** A unique slug for a test organization. */
export function uniqueSlug(prefix = "org"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/** The membership as the app reads it for a request (findMembership), for calling org operations. */
export async function memberOf(userId: string, slug: string): Promise<OrgMember> {
  const member = await findMembership(userId, slug);
  if (!member) throw new Error(`${userId} is not a member of ${slug}`);
  return member;
}

/** An organization with an owner and, for each role asked for, one more member with it. */
export async function orgWith(...roles: OrgRole[]) {
  const owner = await createUser({ name: "Owner" });
  const slug = uniqueSlug();
  const created = await createOrganization(owner.id, `Org ${slug}`, slug);
  if (!created.ok) throw new Error(created.message);
  const members = [];
  for (const role of roles) {
    const user = await createUser({ name: role });
    const org = await db.organization.findUniqueOrThrow({ where: { slug } });
    await db.membership.create({ data: { organizationId: org.id, userId: user.id, role } });
    members.push({ user, member: await memberOf(user.id, slug) });
  }
  return { slug, owner: { user: owner, member: await memberOf(owner.id, slug) }, members };
}
