import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { SIGN_IN_PATH } from "@/lib/routes";

/** auth(), asked at most once per request. */
export const getCurrentSession = cache(() => auth());

/** For signed-in pages: the session, or a redirect to sign-in (middleware normally got there first). */
export async function requireSession(callbackPath: string) {
  const session = await getCurrentSession();
  if (!session?.user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return session;
}
