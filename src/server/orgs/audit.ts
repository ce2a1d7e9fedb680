import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { currentClientIp } from "../security/client-ip";

/** What is recorded in an organization's audit log (/orgs/[slug]/audit). */
export type OrgEventAction =
  | "org.created"
  | "org.renamed"
  | "org.slug-changed"
  | "org.ownership-transferred"
  | "member.joined"
  | "member.role-changed"
  | "member.removed"
  | "member.left"
  | "invitation.sent"
  | "invitation.revoked"
  | "invitation.declined";

export interface OrgEvent {
  organizationId: string;
  actorId: string | null;
  action: OrgEventAction;
  /** Whom or what: a user id, an invitation id, an address. Never a secret. */
  target?: string | null;
  detail?: string | null;
}

async function requestIp(): Promise<string | null> {
  try {
    const ip = await currentClientIp();
    return ip === "unknown" ? null : ip;
  } catch {
    return null; // outside a request (scripts, tests)
  }
}

/** What the platform's admins do (/admin), recorded with no organization and listed at /admin/audit. */
export const ADMIN_EVENT_ACTIONS = [
  "user.banned",
  "user.unbanned",
  "user.role-changed",
  "user.session-ended",
  "user.sessions-ended",
  "user.support-started",
  "user.support-ended",
  "user.api-tokens-revoked",
] as const;

export type AdminEventAction = (typeof ADMIN_EVENT_ACTIONS)[number];

export interface AdminEvent {
  /** Null: from the command line (`npm run user:role`). */
  actorId: string | null;
  action: AdminEventAction;
  /** The user it was done to. */
  target: string;
  detail?: string | null;
}

async function writeEvent(
  event: Omit<OrgEvent, "organizationId" | "action"> & { organizationId: string | null; action: string },
  tx: Prisma.TransactionClient,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: event.organizationId,
      actorId: event.actorId,
      action: event.action,
      target: event.target ?? null,
      detail: event.detail ?? null,
      ipAddress: await requestIp(),
    },
  });
}

/** Records an event, in the transaction that made the change when there is one. */
export async function recordOrgEvent(event: OrgEvent, tx: Prisma.TransactionClient = db): Promise<void> {
  await writeEvent(event, tx);
}

/** Records a platform admin's action, in the transaction that made the change. */
export async function recordAdminEvent(event: AdminEvent, tx: Prisma.TransactionClient = db): Promise<void> {
  await writeEvent({ ...event, organizationId: null }, tx);
}

export const AUDIT_PAGE_SIZE = 50;

/** What a listed event shows: the actor's id, name and address are null once their account is gone. */
const EVENT_FIELDS = {
  id: true,
  action: true,
  target: true,
  detail: true,
  ipAddress: true,
  createdAt: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditEventSelect;

/** The newest events first, with the actor's name and address (null once their account is gone). */
export async function listOrgEvents(organizationId: string, before?: Date) {
  return db.auditEvent.findMany({
    where: { organizationId, ...(before ? { createdAt: { lt: before } } : {}) },
    orderBy: { createdAt: "desc" },
    take: AUDIT_PAGE_SIZE,
    select: EVENT_FIELDS,
  });
}

/** Every event, organizations' and admins', newest first, for /admin/audit: by actor (address) and action. */
export async function listAuditEvents(filter: { actorEmail?: string; action?: string; before?: Date }) {
  return db.auditEvent.findMany({
    where: {
      ...(filter.actorEmail ? { actor: { email: filter.actorEmail } } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.before ? { createdAt: { lt: filter.before } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: AUDIT_PAGE_SIZE,
    select: { ...EVENT_FIELDS, organization: { select: { name: true, slug: true } } },
  });
}
