import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { listOutbox } from "@/server/mail/outbox";
import { findMembership } from "@/server/orgs/membership";
import { changeMemberRole, leaveOrganization, removeMember } from "@/server/orgs/members";
import { inviteMember } from "@/server/orgs/invitations";
import { lookUpInvitation, respondToInvitation } from "@/server/orgs/invitation-response";
import { RATE_LIMITS } from "@/server/security/rate-limit";
import { generateToken } from "@/server/security/secrets";
import { orgWith } from "../support/orgs";
import { randomIp } from "../support/random";
import { createUser, uniqueEmail } from "../support/users";

/**
 * Attacks on organization roles and invitations, played against the server operations the org
 * actions call (the actions add only the session and the URL's organization; tests/attacks/org-idor.spec.ts
 * plays those over HTTP). Each refused attack leaves the rows as they were.
 */
async function roles(slug: string) {
  const org = await db.organization.findUniqueOrThrow({ where: { slug }, include: { memberships: true } });
  return org.memberships.map((m) => `${m.userId}:${m.role}`).sort();
}

async function invitationToken(to: string): Promise<string> {
  const mail = (await listOutbox(500)).find((m) => m.to === to);
  return /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail?.html ?? "")![1]!;
}

describe("role escalation", () => {
  it("a member can't raise their own role, or anyone's", async () => {
    const { slug, members } = await orgWith("member", "member");
    const [me, other] = members;
    const before = await roles(slug);
    expect(await changeMemberRole(me!.member, me!.member.membershipId, "owner")).toBe("forbidden");
    expect(await changeMemberRole(me!.member, other!.member.membershipId, "admin")).toBe("forbidden");
    expect(await removeMember(me!.member, other!.member.membershipId)).toBe("forbidden");
    expect(await inviteMember(me!.member, uniqueEmail("friend"), "member")).toMatchObject({ reason: "forbidden" });
    expect(await roles(slug)).toEqual(before);
  });

  it("an admin can't make themself owner, make anyone owner, or invite an owner", async () => {
    const { slug, members } = await orgWith("admin", "member");
    const [admin, member] = members;
    const before = await roles(slug);
    expect(await changeMemberRole(admin!.member, admin!.member.membershipId, "owner")).toBe("self");
    expect(await changeMemberRole(admin!.member, member!.member.membershipId, "owner")).toBe("forbidden");
    expect(await inviteMember(admin!.member, uniqueEmail("friend"), "owner")).toMatchObject({ reason: "forbidden" });
    expect(await roles(slug)).toEqual(before);
  });

  it("an admin can't demote or remove an owner, or another admin", async () => {
    const { slug, owner, members } = await orgWith("admin", "admin");
    const [admin, otherAdmin] = members;
    const before = await roles(slug);
    expect(await changeMemberRole(admin!.member, owner.member.membershipId, "member")).toBe("forbidden");
    expect(await removeMember(admin!.member, owner.member.membershipId)).toBe("forbidden");
    expect(await changeMemberRole(admin!.member, otherAdmin!.member.membershipId, "member")).toBe("forbidden");
    expect(await removeMember(admin!.member, otherAdmin!.member.membershipId)).toBe("forbidden");
    expect(await roles(slug)).toEqual(before);
  });

  it("the last owner can't leave or be demoted", async () => {
    const { slug, owner } = await orgWith("admin");
    const before = await roles(slug);
    expect(await leaveOrganization(owner.member)).toBe("last-owner");
    expect(await changeMemberRole(owner.member, owner.member.membershipId, "admin")).toBe("self");
    expect(await roles(slug)).toEqual(before);
  });

  it("a membership read before a demotion can't act after it (the role is read again in the transaction)", async () => {
    const { slug, owner, members } = await orgWith("admin", "member");
    const [admin, member] = members;
    await changeMemberRole(owner.member, admin!.member.membershipId, "member");
    const before = await roles(slug);
    expect(await removeMember(admin!.member, member!.member.membershipId)).toBe("forbidden");
    await removeMember(owner.member, admin!.member.membershipId);
    expect(await changeMemberRole(admin!.member, member!.member.membershipId, "member")).toBe("not-member");
    expect(await roles(slug)).toEqual(before.filter((r) => !r.startsWith(admin!.user.id)));
  });

  it("another organization's membership id finds nothing", async () => {
    const a = await orgWith("member");
    const b = await orgWith("member");
    const before = await roles(b.slug);
    expect(await changeMemberRole(a.owner.member, b.members[0]!.member.membershipId, "admin")).toBe("not-found");
    expect(await removeMember(a.owner.member, b.owner.member.membershipId)).toBe("not-found");
    expect(await roles(b.slug)).toEqual(before);
  });

  // Races, on ten organizations at once so the two requests of each really overlap.
  it("two owners demoting each other at once leave one owner", async () => {
    const orgs = await Promise.all(Array.from({ length: 10 }, () => orgWith("owner")));
    await Promise.all(
      orgs.map(({ owner, members }) =>
        Promise.all([
          changeMemberRole(owner.member, members[0]!.member.membershipId, "admin"),
          changeMemberRole(members[0]!.member, owner.member.membershipId, "admin"),
        ]),
      ),
    );
    for (const { slug } of orgs) {
      expect((await roles(slug)).filter((r) => r.endsWith(":owner"))).toHaveLength(1);
    }
  });

  it("the last two owners leaving at once leave one owner", async () => {
    const orgs = await Promise.all(Array.from({ length: 10 }, () => orgWith("owner")));
    const results = await Promise.all(
      orgs.map(({ owner, members }) =>
        Promise.all([leaveOrganization(owner.member), leaveOrganization(members[0]!.member)]),
      ),
    );
    for (const [i, pair] of results.entries()) {
      expect(pair.sort()).toEqual(["done", "last-owner"]);
      expect((await roles(orgs[i]!.slug)).filter((r) => r.endsWith(":owner"))).toHaveLength(1);
    }
  });
});

describe("invitations accepted by the wrong person", () => {
  it("another signed-in account can't accept (or decline) someone's invitation", async () => {
    const { slug, owner } = await orgWith();
    const invitee = uniqueEmail("invitee");
    await inviteMember(owner.member, invitee, "admin");
    const token = await invitationToken(invitee);
    const attacker = await createUser();
    expect(await respondToInvitation(token, attacker.id, "accept", randomIp())).toMatchObject({
      outcome: "wrong-account",
    });
    expect(await respondToInvitation(token, attacker.id, "decline", randomIp())).toMatchObject({
      outcome: "wrong-account",
    });
    expect(await findMembership(attacker.id, slug)).toBeNull();
    expect(await lookUpInvitation(token, randomIp())).toMatchObject({ invitation: { state: "pending" } });
  });

  it("an unconfirmed account registered at the invited address can't accept", async () => {
    const { slug, owner } = await orgWith();
    const invitee = uniqueEmail("invitee");
    await inviteMember(owner.member, invitee, "member");
    const squatter = await createUser({ email: invitee, verified: false });
    const token = await invitationToken(invitee);
    expect(await respondToInvitation(token, squatter.id, "accept", randomIp())).toMatchObject({
      outcome: "unconfirmed",
    });
    expect(await findMembership(squatter.id, slug)).toBeNull();
  });

  it("accepting twice at once makes one membership", async () => {
    const invites = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const { slug, owner } = await orgWith();
        const invitee = await createUser();
        await inviteMember(owner.member, invitee.email, "member");
        return { slug, invitee, token: await invitationToken(invitee.email) };
      }),
    );
    const results = await Promise.all(
      invites.map(({ invitee, token }) =>
        Promise.all([1, 2].map(() => respondToInvitation(token, invitee.id, "accept", randomIp()))),
      ),
    );
    for (const [i, pair] of results.entries()) {
      const outcomes = pair.map((r) => (r.ok ? r.outcome : r.reason)).sort();
      expect(outcomes).toEqual(["accepted", "joined"]);
      const org = await db.organization.findUniqueOrThrow({ where: { slug: invites[i]!.slug } });
      expect(await db.membership.count({ where: { organizationId: org.id, userId: invites[i]!.invitee.id } })).toBe(1);
    }
  });

  it("the invitation's id, which admins see, opens nothing", async () => {
    const { owner } = await orgWith();
    const invitee = await createUser();
    await inviteMember(owner.member, invitee.email, "member");
    const invitation = await db.invitation.findFirstOrThrow({ where: { email: invitee.email } });
    expect(await lookUpInvitation(invitation.id, randomIp())).toEqual({ ok: false, reason: "not-found" });
    expect(await respondToInvitation(invitation.id, invitee.id, "accept", randomIp())).toEqual({
      ok: false,
      reason: "not-found",
    });
  });

  it("guessing tokens is counted per IP (IPv6 by /64) with every other emailed link, and stops", async () => {
    const { owner } = await orgWith();
    const invitee = await createUser();
    await inviteMember(owner.member, invitee.email, "member");
    const token = await invitationToken(invitee.email);
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
    const { points } = RATE_LIMITS.codeGuessIp;
    for (let i = 0; i < points; i++) {
      expect(await lookUpInvitation(generateToken(), `${prefix}::${(i + 1).toString(16)}`)).toEqual({
        ok: false,
        reason: "not-found",
      });
    }
    // The real token, from another address in the same /64: refused too, without being looked up.
    expect(await lookUpInvitation(token, `${prefix}::ffff`)).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await respondToInvitation(token, invitee.id, "accept", `${prefix}::fffe`)).toMatchObject({
      reason: "rate-limited",
    });
  });

  it("invitations can't flood inboxes: one inviter's day runs out, and the refused one writes nothing", async () => {
    const { owner } = await orgWith();
    const { points } = RATE_LIMITS.invitationInviter;
    for (let i = 0; i < points; i++) {
      expect(await inviteMember(owner.member, uniqueEmail(`flood-${i}`), "member")).toEqual({ ok: true });
    }
    const extra = uniqueEmail("flood-extra");
    expect(await inviteMember(owner.member, extra, "member")).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await db.invitation.count({ where: { email: extra } })).toBe(0);
    expect((await listOutbox(500)).some((m) => m.to === extra)).toBe(false);
  });

  it("one address can't be bombarded with invitations from many organizations", async () => {
    const target = uniqueEmail("target");
    const { points } = RATE_LIMITS.emailSend;
    const results = [];
    for (let i = 0; i <= points; i++) {
      const { owner } = await orgWith();
      results.push((await inviteMember(owner.member, target, "member")).ok);
    }
    expect(results.filter(Boolean)).toHaveLength(points);
    expect(results.at(-1)).toBe(false);
  });
});
