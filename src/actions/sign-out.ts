"use server";

import { redirect } from "next/navigation";
import { auth, signOut } from "@/auth";
import { stopSupportAccess } from "@/server/admin/support-access";
import { crossSiteProblem } from "@/server/forms/validated-action";

/**
 * Sign-out, from the header's menu and the dashboard: Auth.js deletes the session row. In a
 * support session it is "Stop" (below): the admin gets their own session back.
 */
export async function signOutAction() {
  if (await crossSiteProblem()) redirect("/");
  if ((await auth())?.supportAccess) return stopSupportAccessAction();
  await signOut({ redirectTo: "/" });
}

/** "Stop" on the support-access banner: back to the admin's own session, on the user's admin page. */
export async function stopSupportAccessAction() {
  if (await crossSiteProblem()) redirect("/");
  const session = await auth();
  if (!session?.supportAccess) redirect("/");
  const backAsAdmin = await stopSupportAccess(session);
  redirect(backAsAdmin ? `/admin/users/${encodeURIComponent(session.user.id)}?notice=support-ended` : "/sign-in");
}
