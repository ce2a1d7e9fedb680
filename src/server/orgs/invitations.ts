import "server-only";
import { canGrant, type OrgRole } from "@/lib/org-permissions";
import { db } from "../db";
import { MailDeliveryError, sendOrgInvitationEmail } from "../mail/messages";
import { limitInvitation, type RateLimitResult } from "../security/limits";
import { generateToken, hashToken } from "../security/secrets";
import { recordOrgEvent } from "./audit";
import { withOrgHeld, type Refused } from "./held";
import type { OrgMember } from "./membership";

/**
 * Invitations: a 256-bit token emailed as /invite/<token> and stored only as its sha256. The
 * invitation's id (which admins see, and which revoke and resend take) opens nothing. Only the
 * account with the invited address, confirmed, can accept (./invitation-response.ts).
 */
export const INVITATION_LIFETIME_DAYS = 7;
const LIFETIME_MS = INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

export type InviteResult =
  | { ok: true }
  | { ok: false; reason: "already-member" | "mail-failed" | Refused }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

function limited(limit: RateLimitResult): InviteResult | null {
  return limit.ok ? null : { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
}

/** Emails the token; when the mail can't go, the invitation is revoked, so no live link is left unsent. */
async function sendOrRevoke(actor: OrgMember, invitationId: string, email: string, role: OrgRole, token: string) {
  const inviter = await db.user.findUnique({ where: { id: actor.userId }, select: { name: true, email: true } });
  try {
    await sendOrgInvitationEmail(email, token, {
      organizationName: actor.organization.name,
      inviterName: inviter?.name || inviter?.email || "A member",
      role,
      expiresInDays: INVITATION_LIFETIME_DAYS,
    });
    return null;
  } catch (error) {
    await db.invitation.updateMany({ where: { id: invitationId }, data: { status: "revoked" } });
    if (error instanceof MailDeliveryError) return { ok: false as const, reason: "mail-failed" as const };
    throw error;
  }
}

/**
 * Invites `email` with `role` (at most the actor's own). A pending invitation to the same address is
 * replaced: its link stops working. Counted against the invitation limits before anything is written.
 */
export async function inviteMember(actor: OrgMember, email: string, role: OrgRole): Promise<InviteResult> {
  const refused = limited(await limitInvitation(actor.organization.id, actor.userId, email));
  if (refused) return refused;
  const token = generateToken();
  const outcome = await withOrgHeld(actor, "invitations.manage", async (tx, actorRole) => {
    if (!canGrant(actorRole, role)) return "forbidden" as const;
    const existing = await tx.membership.findFirst({
      where: { organizationId: actor.organization.id, user: { email } },
      select: { id: true },
    });
    if (existing) return "already-member" as const;
    await tx.invitation.updateMany({
      where: { organizationId: actor.organization.id, email, status: "pending" },
      data: { status: "revoked" },
    });
    const invitation = await tx.invitation.create({
      data: {
        organizationId: actor.organization.id,
        email,
        role,
        tokenHash: hashToken(token),
        inviterId: actor.userId,
        expiresAt: new Date(Date.now() + LIFETIME_MS),
      },
      select: { id: true },
    });
    await recordOrgEvent(
      {
        organizationId: actor.organization.id,
        actorId: actor.userId,
        action: "invitation.sent",
        target: email,
        detail: role,
      },
      tx,
    );
    return invitation;
  });
  if (typeof outcome === "string") return { ok: false, reason: outcome };
  return (await sendOrRevoke(actor, outcome.id, email, role, token)) ?? { ok: true };
}

/** A fresh link for a pending invitation (the old one stops working), and seven more days. */
export async function resendInvitation(
  actor: OrgMember,
  invitationId: string,
): Promise<InviteResult | { ok: false; reason: "not-found" }> {
  const invitation = await db.invitation.findFirst({
    where: { organizationId: actor.organization.id, id: invitationId, status: "pending" },
    select: { email: true },
  });
  if (!invitation) return { ok: false, reason: "not-found" };
  const refused = limited(await limitInvitation(actor.organization.id, actor.userId, invitation.email));
  if (refused) return refused;
  const token = generateToken();
  const outcome = await withOrgHeld(actor, "invitations.manage", async (tx, actorRole) => {
    const current = await tx.invitation.findFirst({
      where: { organizationId: actor.organization.id, id: invitationId, status: "pending" },
      select: { id: true, email: true, role: true },
    });
    if (!current) return "not-found" as const;
    if (!canGrant(actorRole, current.role as OrgRole)) return "forbidden" as const;
    await tx.invitation.update({
      where: { id: current.id },
      data: { tokenHash: hashToken(token), expiresAt: new Date(Date.now() + LIFETIME_MS), inviterId: actor.userId },
    });
    await recordOrgEvent(
      {
        organizationId: actor.organization.id,
        actorId: actor.userId,
        action: "invitation.sent",
        target: current.email,
        detail: `${current.role} (sent again)`,
      },
      tx,
    );
    return current;
  });
  if (typeof outcome === "string") return { ok: false, reason: outcome };
  return (await sendOrRevoke(actor, outcome.id, outcome.email, outcome.role as OrgRole, token)) ?? { ok: true };
}

export async function revokeInvitation(
  actor: OrgMember,
  invitationId: string,
): Promise<"done" | "not-found" | Refused> {
  return withOrgHeld(actor, "invitations.manage", async (tx, actorRole) => {
    const current = await tx.invitation.findFirst({
      where: { organizationId: actor.organization.id, id: invitationId, status: "pending" },
      select: { id: true, email: true, role: true },
    });
    if (!current) return "not-found" as const;
    if (!canGrant(actorRole, current.role as OrgRole)) return "forbidden" as const;
    await tx.invitation.update({ where: { id: current.id }, data: { status: "revoked", respondedAt: new Date() } });
    await recordOrgEvent(
      {
        organizationId: actor.organization.id,
        actorId: actor.userId,
        action: "invitation.revoked",
        target: current.email,
      },
      tx,
    );
    return "done" as const;
  });
}

/** Pending invitations, newest first; never a token (only its hash is stored, and not selected). */
export async function listPendingInvitations(organizationId: string) {
  return db.invitation.findMany({
    where: { organizationId, status: "pending" },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      inviter: { select: { name: true, email: true } },
    },
  });
}
