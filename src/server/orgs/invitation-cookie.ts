import "server-only";
import { cookies } from "next/headers";
import { site } from "@/config/site";
import { env } from "../env";
import { INVITATION_LIFETIME_DAYS } from "./invitations";

/**
 * The invitation link's token, kept in an httpOnly cookie between /invite/<token> and /invite, so
 * the token leaves the address bar at once (no Referer, no history, no screenshot carries it) and
 * survives signing in or signing up on the way (two-factor and email confirmation included).
 */
const COOKIE = `${site.slug}.invitation`;

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
