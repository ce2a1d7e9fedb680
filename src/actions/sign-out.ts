"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { crossSiteProblem } from "@/server/forms/validated-action";

/** Sign-out, from the header's menu and the dashboard: Auth.js deletes the session row. */
export async function signOutAction() {
  if (await crossSiteProblem()) redirect("/");
  await signOut({ redirectTo: "/" });
}
