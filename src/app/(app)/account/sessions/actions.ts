"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { emptySchema } from "@/lib/validation";
import { requireRecentAuthentication } from "@/server/auth/step-up";
import { recordSecurityEvent } from "@/server/security/security-log";
import { clearSessionCookie } from "@/server/sessions/cookie";
import { revokeOtherSessions, revokeSession } from "@/server/sessions/store";
import { securityAction } from "@/server/forms/validated-action";
import { forgetDevice } from "@/server/two-factor/remembered-devices";

/** Signing out this device needs nothing more; signing out another one needs a recent sign-in. */
export const revokeSessionAction = securityAction(
  z.object({ sessionId: z.string().min(1).max(64) }),
  async ({ sessionId }, session) => {
    const thisDevice = sessionId === session.sessionId;
    if (!thisDevice) requireRecentAuthentication(session, "/account/sessions");
    if (!(await revokeSession(session.user.id, sessionId))) {
      return { error: "That session has already ended." };
    }
    await recordSecurityEvent(session.user.id, "session-revoked");
    if (thisDevice) {
      await clearSessionCookie();
      redirect("/sign-in");
    }
    redirect("/account/sessions?notice=revoked");
  },
);

export const revokeOtherSessionsAction = securityAction(emptySchema, async (_data, session) => {
  requireRecentAuthentication(session, "/account/sessions");
  const count = await revokeOtherSessions(session.user.id, session.sessionId);
  if (count > 0) await recordSecurityEvent(session.user.id, "other-sessions-revoked", `${count}`);
  redirect(`/account/sessions?notice=revoked-others&count=${count}`);
});

/** A remembered device asks for the two-factor code again at its next sign-in. */
export const forgetDeviceAction = securityAction(
  z.object({ deviceId: z.string().min(1).max(64) }),
  async ({ deviceId }, session) => {
    if (await forgetDevice(session.user.id, deviceId)) {
      await recordSecurityEvent(session.user.id, "device-forgotten");
    }
    redirect("/account/sessions?notice=device-forgotten");
  },
);
