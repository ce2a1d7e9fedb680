"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { banSchema, platformRoleSchema, userIdSchema, userSessionSchema } from "@/lib/admin-schemas";
import { adminAction, NO_LONGER_ADMIN } from "@/server/admin/access";
import { banUser, unbanUser } from "@/server/admin/bans";
import { changePlatformRole } from "@/server/admin/roles";
import { endUserSessions, revokeUserApiTokens } from "@/server/admin/sessions";
import { startSupportAccess, switchToSupportSession } from "@/server/admin/support-access";
import { requireRecentAuthentication } from "@/server/auth/step-up";
import { DEFAULT_SIGNED_IN_PATH } from "@/lib/routes";

const GONE: ActionState = { error: "That user no longer exists. Reload the page." };
const userPage = (userId: string, notice: string) => `/admin/users/${encodeURIComponent(userId)}?notice=${notice}`;

export const banUserAction = adminAction(banSchema, async ({ userId, reason, duration }, session) => {
  const result = await banUser(session.user.id, userId, { reason, duration });
  if (result === "self") return { error: "You can't suspend your own account." };
  if (result === "admin") return { error: "Remove their admin role before suspending them." };
  if (result === "not-found") return GONE;
  if (result === "not-admin") return NO_LONGER_ADMIN;
  redirect(userPage(userId, "banned"));
});

export const unbanUserAction = adminAction(userIdSchema, async ({ userId }, session) => {
  const result = await unbanUser(session.user.id, userId);
  if (result === "not-found") return GONE;
  if (result === "not-admin") return NO_LONGER_ADMIN;
  redirect(userPage(userId, "unbanned"));
});

export const endSessionAction = adminAction(userSessionSchema, async ({ userId, sessionId }, session) => {
  const result = await endUserSessions(session.user.id, userId, sessionId);
  if (result === "not-found") return { error: "That session has already ended. Reload the page." };
  if (result === "not-admin") return NO_LONGER_ADMIN;
  redirect(userPage(userId, "session-ended"));
});

export const endAllSessionsAction = adminAction(userIdSchema, async ({ userId }, session) => {
  const result = await endUserSessions(session.user.id, userId);
  if (result === "not-found") return GONE;
  if (result === "not-admin") return NO_LONGER_ADMIN;
  redirect(userPage(userId, "sessions-ended"));
});

export const revokeApiTokensAction = adminAction(userIdSchema, async ({ userId }, session) => {
  const result = await revokeUserApiTokens(session.user.id, userId);
  if (result === "not-found") return GONE;
  if (result === "not-admin") return NO_LONGER_ADMIN;
  redirect(userPage(userId, "api-tokens-revoked"));
});

/** Granting or removing admin is behind step-up, like the account's own dangerous changes. */
export const changePlatformRoleAction = adminAction(platformRoleSchema, async ({ userId, role }, session) => {
  requireRecentAuthentication(session, `/admin/users/${encodeURIComponent(userId)}`);
  const result = await changePlatformRole(session.user.id, userId, role);
  if (result === "self") return { error: "You can't change your own role. Ask another admin." };
  if (result === "last-admin") return { error: "They are the last admin. Make someone else an admin first." };
  if (result === "banned") return { error: "Lift their suspension before making them an admin." };
  if (result === "not-found") return GONE;
  if (result === "not-admin") return NO_LONGER_ADMIN;
  redirect(userPage(userId, result === "changed" ? "role-changed" : "role-unchanged"));
});

const NO_SUPPORT: Record<string, string> = {
  off: "Support access is off. Set ADMIN_IMPERSONATION=on to turn it on.",
  self: "That is your own account.",
  admin: "Support access is never available for another admin.",
  banned: "Lift their suspension first.",
};

/** Support access is behind step-up; the admin's browser then carries the user's support session. */
export const startSupportAccessAction = adminAction(userIdSchema, async ({ userId }, session) => {
  requireRecentAuthentication(session, `/admin/users/${encodeURIComponent(userId)}`);
  const result = await startSupportAccess({ id: session.user.id, email: session.user.email }, userId);
  if (!result.ok) {
    if (result.reason === "not-found") return GONE;
    if (result.reason === "not-admin") return NO_LONGER_ADMIN;
    return { error: NO_SUPPORT[result.reason] };
  }
  await switchToSupportSession(result.token);
  redirect(DEFAULT_SIGNED_IN_PATH);
});
