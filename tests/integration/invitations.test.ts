import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { listOutbox } from "@/server/mail/outbox";
import { findMembership } from "@/server/orgs/membership";
import { inviteMember, listPendingInvitations, resendInvitation, revokeInvitation } from "@/server/orgs/invitations";
import { lookUpInvitation, respondToInvitation } from "@/server/orgs/invitation-response";
import { orgWith } from "../support/orgs";
import { randomIp } from "../support/random";
import { createUser, uniqueEmail } from "../support/users";

/** The token from the newest invitation email to `to` (the link is /invite/<token>). */
async function invitationToken(to: string): Promise<string> {
  const mail = (await listOutbox(500)).find((m) => m.to === to);
  const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail?.html ?? "")?.[1];
  if (!token) throw new Error(`no invitation email to ${to}`);
  return token;
}

describe("invitations", () => {
  it("an admin invites by email; the link names the org, and its token is stored only as a hash", async () => {
    const { slug, members } = await orgWith("admin");
    const email = uniqueEmail("invitee");
    expect(await inviteMember(members[0]!.member, email, "member")).toEqual({ ok: true });
    const token = await invitationToken(email);
    const rows = await db.invitation.findMany({ where: { email } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    const listed = await listPendingInvitations(rows[0]!.organizationId);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain(rows[0]!.tokenHash);
    const view = await lookUpInvitation(token, randomIp());
    expect(view).toMatchObject({ ok: true, invitation: { state: "pending", email, organization: { slug } } });
  });

  it("the invited account, confirmed, joins with the invited role", async () => {
    const { slug, owner } = await orgWith();
    const invitee = await createUser();
    await inviteMember(owner.member, invitee.email, "admin");
    const token = await invitationToken(invitee.email);
    expect(await respondToInvitation(token, invitee.id, "accept", randomIp())).toEqual({
      ok: true,
      outcome: "joined",
      slug,
    });
    expect(await findMembership(invitee.id, slug)).toMatchObject({ role: "admin" });
    expect((await lookUpInvitation(token, randomIp())).ok && "seen").toBe("seen");
    expect(await respondToInvitation(token, invitee.id, "accept", randomIp())).toMatchObject({ outcome: "accepted" });
  });

  it("an existing member who accepts keeps their role", async () => {
    const { slug, owner, members } = await orgWith("admin");
    const admin = members[0]!;
    // Invited while already an admin is refused up front…
    expect(await inviteMember(owner.member, admin.user.email, "member")).toMatchObject({ reason: "already-member" });
    expect((await findMembership(admin.user.id, slug))?.role).toBe("admin");
  });

  it("resending replaces the link; revoking ends it; each explains itself", async () => {
    const { owner } = await orgWith();
    const email = uniqueEmail("invitee");
    await inviteMember(owner.member, email, "member");
    const first = await invitationToken(email);
    const invitation = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(await resendInvitation(owner.member, invitation.id)).toEqual({ ok: true });
    const second = await invitationToken(email);
    expect(second).not.toBe(first);
    expect(await lookUpInvitation(first, randomIp())).toEqual({ ok: false, reason: "not-found" });
    expect(await revokeInvitation(owner.member, invitation.id)).toBe("done");
    expect(await lookUpInvitation(second, randomIp())).toMatchObject({ invitation: { state: "revoked" } });
  });

  it("an expired invitation says so and can't be accepted", async () => {
    const { slug, owner } = await orgWith();
    const invitee = await createUser();
    await inviteMember(owner.member, invitee.email, "member");
    const token = await invitationToken(invitee.email);
    await db.invitation.updateMany({
      where: { email: invitee.email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await lookUpInvitation(token, randomIp())).toMatchObject({ invitation: { state: "expired" } });
    expect(await respondToInvitation(token, invitee.id, "accept", randomIp())).toMatchObject({ outcome: "expired" });
    expect(await findMembership(invitee.id, slug)).toBeNull();
  });

  it("declining records it and makes no membership", async () => {
    const { slug, owner } = await orgWith();
    const invitee = await createUser();
    await inviteMember(owner.member, invitee.email, "member");
    const token = await invitationToken(invitee.email);
    expect(await respondToInvitation(token, invitee.id, "decline", randomIp())).toMatchObject({ outcome: "declined" });
    expect(await findMembership(invitee.id, slug)).toBeNull();
    expect(await lookUpInvitation(token, randomIp())).toMatchObject({ invitation: { state: "declined" } });
  });
});
