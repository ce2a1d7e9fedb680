import "server-only";
import { headers } from "next/headers";
import { db } from "../db";
import { clientIpFrom } from "./client-ip";

/** The security log: what happened to an account, for its owner (/account/security). */
export const SECURITY_EVENT_RETENTION_DAYS = 90;

export type SecurityEventType =
  | "sign-in"
  | "sign-in-failed"
  | "sign-out"
  | "session-revoked"
  | "other-sessions-revoked"
  | "email-verified"
  | "password-changed"
  | "password-reset"
  | "password-set"
  | "email-changed"
  | "account-linked"
  | "account-unlinked"
  | "lockout"
  | "two-factor-enabled"
  | "two-factor-disabled"
  | "two-factor-failed"
  | "two-factor-paused"
  | "backup-codes-replaced"
  | "backup-code-used"
  | "device-forgotten"
  | "passkey-added"
  | "passkey-removed"
  | "banned"
  | "unbanned"
  | "platform-role-changed"
  | "sessions-ended-by-admin"
  | "support-access"
  | "api-token-created"
  | "api-token-revoked"
  | "api-tokens-revoked-by-admin";

async function requestInfo(): Promise<{ ipAddress: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    const ip = clientIpFrom(h);
    return { ipAddress: ip === "unknown" ? null : ip, userAgent: h.get("user-agent") };
  } catch {
    // Outside a request (scripts, tests): nothing to record.
    return { ipAddress: null, userAgent: null };
  }
}

/** Records an event. Never fails the action that caused it. */
export async function recordSecurityEvent(userId: string, type: SecurityEventType, detail?: string): Promise<void> {
  try {
    await db.securityEvent.create({ data: { userId, type, detail: detail ?? null, ...(await requestInfo()) } });
  } catch (error) {
    console.error(`[security-log] could not record ${type} for ${userId}`, error);
  }
}

export async function listSecurityEvents(userId: string, page: number, pageSize = 20) {
  const rows = await db.securityEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
  });
  return { events: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}
