import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db";
import { forgiveSecretTry, limitSecretTry } from "../security/limits";
import { hashToken } from "../security/secrets";
import { recordOrgEvent } from "./audit";

/**
 * What the holder of an /invite/<token> link sees and does. Every look-up of a token counts as a
 * try of an emailed link's secret from that IP (limitSecretTry, shared with every other emailed
 * link), forgiven when the token was real. Accepting takes the account with the invited address,
 * confirmed: anyone else's accept changes nothing.
 */

export type InvitationState = "pending" | "expired" | "revoked" | "accepted" | "declined";

export interface InvitationView {
  state: InvitationState;
  email: string;
  role: string;
  organization: { name: string; slug: string };
  inviterName: string | null;
}

export type LookUpResult =
  | { ok: true; invitation: InvitationView }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/** A token as we issue them (32 random bytes, base64url); anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function stateOf(status: string, expiresAt: Date, now = new Date()): InvitationState {
  if (status === "pending") return expiresAt <= now ? "expired" : "pending";
  return status === "accepted" || status === "declined" ? status : "revoked";
}

/** Counts the try, then reads the invitation; the count is forgiven when the token was real. */
async function countedLookUp<T>(token: string, ip: string, read: (tokenHash: string) => Promise<T | null>) {
  const limit = await limitSecretTry({ kind: "link", ip });
  if (!limit.ok)
    return { ok: false as const, reason: "rate-limited" as const, retryAfterSeconds: limit.retryAfterSeconds };
  const found = TOKEN_SHAPE.test(token) ? await read(hashToken(token)) : null;
  if (!found) return { ok: false as const, reason: "not-found" as const };
  await forgiveSecretTry({ kind: "link", ip });
  return { ok: true as const, found };
}

export async function lookUpInvitation(token: string, ip: string): Promise<LookUpResult> {
  const result = await countedLookUp(token, ip, (tokenHash) =>
    db.invitation.findUnique({
      where: { tokenHash },
      select: {
        email: true,
        role: true,
        status: true,
        expiresAt: true,
        organization: { select: { name: true, slug: true } },
        inviter: { select: { name: true, email: true } },
      },
    }),
  );
  if (!result.ok) return result;
  const { found } = result;
  return {
    ok: true,
    invitation: {
      state: stateOf(found.status, found.expiresAt),
      email: found.email,
      role: found.role,
      organization: found.organization,
      inviterName: found.inviter?.name || found.inviter?.email || null,
    },
  };
}

export type ResponseOutcome =
  "joined" | "already-member" | "declined" | "wrong-account" | "unconfirmed" | Exclude<InvitationState, "pending">;

export type RespondResult =
  | { ok: true; outcome: ResponseOutcome; slug: string }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * Accepts or declines for the signed-in user. One transaction: the invitation is claimed with a
 * conditional update (status still pending), so two accepts at once make one membership; an
 * existing member keeps the role they have.
 */
export async function respondToInvitation(
  token: string,
  userId: string,
  answer: "accept" | "decline",
  ip: string,
): Promise<RespondResult> {
  const result = await countedLookUp(token, ip, (tokenHash) =>
    db.invitation.findUnique({
      where: { tokenHash },
      select: { id: true, organizationId: true, email: true, role: true, status: true, expiresAt: true },
    }),
  );
  if (!result.ok) return result;
  const invitation = result.found;
  const org = await db.organization.findUniqueOrThrow({
    where: { id: invitation.organizationId },
    select: { slug: true },
  });
  const respond = (outcome: ResponseOutcome): RespondResult => ({ ok: true, outcome, slug: org.slug });

  const state = stateOf(invitation.status, invitation.expiresAt);
  if (state !== "pending") return respond(state);
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  if (!user || user.email !== invitation.email) return respond("wrong-account");
  if (!user.emailVerified) return respond("unconfirmed");

  try {
    const outcome = await db.$transaction(async (tx): Promise<ResponseOutcome> => {
      const now = new Date();
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, status: "pending", expiresAt: { gt: now } },
        data: { status: answer === "accept" ? "accepted" : "declined", respondedAt: now },
      });
      if (claimed.count !== 1) return "accepted";
      const event = { organizationId: invitation.organizationId, actorId: userId, target: invitation.email };
      if (answer === "decline") {
        await recordOrgEvent({ ...event, action: "invitation.declined" }, tx);
        return "declined";
      }
      const existing = await tx.membership.findUnique({
        where: { organizationId_userId: { organizationId: invitation.organizationId, userId } },
        select: { id: true },
      });
      if (existing) return "already-member";
      await tx.membership.create({
        data: { organizationId: invitation.organizationId, userId, role: invitation.role },
      });
      await tx.user.update({ where: { id: userId }, data: { lastOrganizationId: invitation.organizationId } });
      await recordOrgEvent({ ...event, action: "member.joined", detail: invitation.role }, tx);
      return "joined";
    });
    return respond(outcome);
  } catch (error) {
    // Another invitation to this organization was accepted by the same account at the same moment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return respond("already-member");
    throw error;
  }
}
