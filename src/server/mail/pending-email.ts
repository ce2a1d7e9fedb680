import "server-only";
import { cookies } from "next/headers";
import { env } from "../env";
import { site } from "@/config/site";

/**
 * Remembers which address we just emailed, for the "check your email" pages, without putting
 * it in the URL (where it would reach logs and referrers). Short-lived and httpOnly.
 */
const COOKIE = `${site.slug}.pending-email`;

export async function rememberPendingEmail(email: string): Promise<void> {
  (await cookies()).set(COOKIE, email, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    maxAge: 60 * 60,
  });
}

export async function readPendingEmail(): Promise<string | undefined> {
  return (await cookies()).get(COOKIE)?.value;
}
