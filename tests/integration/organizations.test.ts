import { describe, expect, it } from "vitest";
import { deleteAccount } from "@/server/account/deletion";
import { db } from "@/server/db";
import { findMembership } from "@/server/orgs/membership";
import { changeMemberRole, leaveOrganization, removeMember, transferOwnership } from "@/server/orgs/members";
import {
  changeOrganizationSlug,
  createOrganization,
  deleteOrganization,
  lastOrganizationId,
  listMyOrganizations,
} from "@/server/orgs/organizations";
import { listOutbox } from "@/server/mail/outbox";
import { memberOf, orgWith, uniqueSlug } from "../support/orgs";
import { countStatements } from "../support/sql-statements";
import { createUser } from "../support/users";

describe("organizations", () => {
  it("creating one makes its creator the owner, in one transaction with its audit entry", async () => {
    const user = await createUser();
    const slug = uniqueSlug("acme");
    expect(await createOrganization(user.id, "Acme", slug)).toEqual({ ok: true, slug });
    const org = await db.organization.findUniqueOrThrow({ where: { slug }, include: { memberships: true } });
    expect(org.memberships).toMatchObject([{ userId: user.id, role: "owner" }]);
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "org.created" } })).toBe(1);
    expect(await listMyOrganizations(user.id)).toMatchObject([{ slug, role: "owner" }]);
    expect(await lastOrganizationId(user.id)).toBe(org.id);
  });

  it("a taken slug is refused and leaves nothing behind", async () => {
    const first = await createUser();
    const second = await createUser();
    const slug = uniqueSlug();
    await createOrganization(first.id, "First", slug);
    const before = await db.organization.count();
    expect(await createOrganization(second.id, "Second", slug)).toMatchObject({ ok: false, field: "slug" });
    expect(await db.organization.count()).toBe(before);
    expect(await db.membership.count({ where: { userId: second.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: second.id } })).toBe(0);
  });

  it("the membership of a request is one SQL statement, and another org's slug finds nothing", async () => {
    const { slug, owner } = await orgWith();
    const other = await orgWith();
    let found: Awaited<ReturnType<typeof findMembership>> = null;
    const sql = await countStatements(async () => {
      found = await findMembership(owner.user.id, slug);
    });
    expect(sql).toHaveLength(1);
    expect(found).toMatchObject({ role: "owner", organization: { slug } });
    expect(await findMembership(owner.user.id, other.slug)).toBeNull();
    // A slug that can't exist reads nothing.
    expect(await countStatements(() => findMembership(owner.user.id, "../admin"))).toHaveLength(0);
  });

  it("changing the slug to one taken in any case is refused", async () => {
    const a = await orgWith();
    const b = await orgWith();
    expect(await changeOrganizationSlug(a.owner.member, b.slug)).toBe("taken");
    const fresh = uniqueSlug("renamed");
    expect(await changeOrganizationSlug(a.owner.member, fresh)).toBe("changed");
    expect(await findMembership(a.owner.user.id, fresh)).not.toBeNull();
  });

  it("an admin changes a member's role, and the member is told by email", async () => {
    const { members } = await orgWith("admin", "member");
    const [admin, member] = members;
    expect(await changeMemberRole(admin!.member, member!.member.membershipId, "admin")).toBe("done");
    expect((await db.membership.findUniqueOrThrow({ where: { id: member!.member.membershipId } })).role).toBe("admin");
    const mail = (await listOutbox(200)).find((m) => m.to === member!.user.email);
    expect(mail?.subject).toMatch(/role in .* changed/);
  });

  it("a removed member's next lookup finds nothing, and they are told", async () => {
    const { slug, owner, members } = await orgWith("member");
    const [member] = members;
    expect(await removeMember(owner.member, member!.member.membershipId)).toBe("done");
    expect(await findMembership(member!.user.id, slug)).toBeNull();
    const mail = (await listOutbox(200)).find((m) => m.to === member!.user.email);
    expect(mail?.subject).toMatch(/removed from/);
  });

  it("transferring ownership makes the target owner and the old owner admin", async () => {
    const { slug, owner, members } = await orgWith("member");
    expect(await transferOwnership(owner.member, members[0]!.member.membershipId)).toBe("done");
    expect((await memberOf(members[0]!.user.id, slug)).role).toBe("owner");
    expect((await memberOf(owner.user.id, slug)).role).toBe("admin");
    // The old owner's membership, read before, no longer allows owner actions.
    expect(await deleteOrganization(owner.member)).toBe("forbidden");
  });

  it("a member leaves; the last owner can't", async () => {
    const { slug, owner, members } = await orgWith("member");
    expect(await leaveOrganization(owner.member)).toBe("last-owner");
    expect(await leaveOrganization(members[0]!.member)).toBe("done");
    expect(await findMembership(members[0]!.user.id, slug)).toBeNull();
  });

  it("deleting the organization deletes its memberships and invitations", async () => {
    const { slug, owner, members } = await orgWith("member");
    const org = await db.organization.findUniqueOrThrow({ where: { slug } });
    expect(await deleteOrganization(owner.member)).toBe("deleted");
    expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await findMembership(members[0]!.user.id, slug)).toBeNull();
    expect(await lastOrganizationId(owner.user.id)).toBeNull();
  });

  it("a sole owner can't delete their account until the organization has another owner", async () => {
    const { owner, members } = await orgWith("member");
    const result = await deleteAccount(owner.user.id, owner.user.email);
    expect(result).toMatchObject({ ok: false, field: "form" });
    expect(await db.user.count({ where: { id: owner.user.id } })).toBe(1);
    await changeMemberRole(owner.member, members[0]!.member.membershipId, "owner");
    expect(await deleteAccount(owner.user.id, owner.user.email)).toEqual({ ok: true });
  });
});
