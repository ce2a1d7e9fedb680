import "server-only";
import { cookies } from "next/headers";
import { site } from "@/config/site";
import { env } from "../env";
import { currentClientIp } from "../security/client-ip";
import { lookUpInvitation } from "./invitation-response";
import { INVITATION_LIFETIME_DAYS } from "./invitations";

/**
 * The invitation link's token, kept in an httpOnly cookie between /invite/<token> and /invite, so
 * the token leaves the address bar at once (no Referer, no history, no screenshot carries it) and
 * survives signing in or signing up on the way (two-factor and email confirmation included).
 */
const COOKIE = `${site.slug}.invitation`;

/** The page that shows the invitation in this browser's cookie. */
export const INVITATION_PATH = "/invite";

export async function rememberInvitationToken(token: string): Promise<void> {
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    maxAge: INVITATION_LIFETIME_DAYS * 24 * 60 * 60,
  });
}

export async function readInvitationToken(): Promise<string | undefined> {
  return (await cookies()).get(COOKIE)?.value;
}

export async function forgetInvitationToken(): Promise<void> {
  (await cookies()).delete(COOKIE);
}

/**
 * The address a pending invitation in this browser is for: the sign-in and sign-up pages fill it
 * in when they lead back to /invite. Read from the database, never from the URL.
 */
export async function invitedEmail(): Promise<string | undefined> {
  const token = await readInvitationToken();
  if (!token) return undefined;
  const found = await lookUpInvitation(token, await currentClientIp());
  return found.ok && found.invitation.state === "pending" ? found.invitation.email : undefined;
}
