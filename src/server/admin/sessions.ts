import "server-only";
import { recordAdminEvent } from "../orgs/audit";
import { recordSecurityEvent } from "../security/security-log";
import { withAdminsHeld, type NotAdmin } from "./held";

export type RevokeTokensResult = { revoked: number } | "not-found" | NotAdmin;

/**
 * An admin revokes every API token of a user (a leaked token, an incident): deleted at once, so the
 * next call with any of them gets 401. Audited, and in the user's security log.
 */
export async function revokeUserApiTokens(actorId: string, targetId: string): Promise<RevokeTokensResult> {
  const result = await withAdminsHeld(actorId, async (tx) => {
    const target = await tx.user.findUnique({ where: { id: targetId }, select: { id: true } });
    if (!target) return "not-found" as const;
    const { count } = await tx.apiToken.deleteMany({ where: { userId: targetId } });
    await recordAdminEvent({ actorId, action: "user.api-tokens-revoked", target: targetId, detail: String(count) }, tx);
    return { revoked: count };
  });
  if (typeof result === "object") {
    await recordSecurityEvent(targetId, "api-tokens-revoked-by-admin", String(result.revoked));
  }
  return result;
}

export type EndSessionsResult = { ended: number } | "not-found" | NotAdmin;

/**
 * An admin signs a user out: of one session (`sessionId`, looked up among that user's own), or of
 * all of them with the remembered devices (so the second factor is asked again). Audited, and in
 * the user's security log.
 */
export async function endUserSessions(
  actorId: string,
  targetId: string,
  sessionId?: string,
): Promise<EndSessionsResult> {
  const result = await withAdminsHeld(actorId, async (tx) => {
    const target = await tx.user.findUnique({ where: { id: targetId }, select: { id: true } });
    if (!target) return "not-found" as const;
    if (sessionId) {
      const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId: targetId } });
      if (count === 0) return "not-found" as const;
      await recordAdminEvent({ actorId, action: "user.session-ended", target: targetId, detail: sessionId }, tx);
      return { ended: 1 };
    }
    const { count } = await tx.session.deleteMany({ where: { userId: targetId } });
    await tx.rememberedDevice.deleteMany({ where: { userId: targetId } });
    await recordAdminEvent({ actorId, action: "user.sessions-ended", target: targetId, detail: String(count) }, tx);
    return { ended: count };
  });
  if (typeof result === "object") await recordSecurityEvent(targetId, "sessions-ended-by-admin", String(result.ended));
  return result;
}
