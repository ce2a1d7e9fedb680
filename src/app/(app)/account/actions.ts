"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { auth, signIn } from "@/auth";
import {
  changeEmailSchema,
  changePasswordSchema,
  deleteAccountSchema,
  emptySchema,
  profileSchema,
  setPasswordSchema,
  tokenSchema,
} from "@/lib/validation";
import { disconnectGitHub } from "@/server/account/connections";
import { deleteAccount } from "@/server/account/deletion";
import { confirmEmailChange, requestEmailChange } from "@/server/account/email-change";
import { updateProfileName } from "@/server/account/overview";
import { changePassword, setFirstPassword } from "@/server/account/password-change";
import { emailLimitProblem } from "@/server/forms/guards";
import { requireRecentAuthentication } from "@/server/auth/step-up";
import { sendAfterResponse } from "@/server/mail/after-response";
import { checkNewPassword } from "@/server/security/password-policy";
import { currentClientIp } from "@/server/security/client-ip";
import { clearSessionCookie } from "@/server/sessions/cookie";
import { crossSiteProblem, securityAction, validatedActionWithUser } from "@/server/forms/validated-action";

export const updateProfileAction = validatedActionWithUser(profileSchema, async ({ name }, session) => {
  await updateProfileName(session.user.id, name);
  revalidatePath("/", "layout");
  return { success: "Saved." };
});

export const requestEmailChangeAction = securityAction(changeEmailSchema, async ({ newEmail }, session) => {
  requireRecentAuthentication(session, "/account#email");
  if (newEmail === session.user.email) return { fieldErrors: { newEmail: "That is already your email address." } };
  const limited = await emailLimitProblem(newEmail);
  if (limited) return limited;
  sendAfterResponse(requestEmailChange(session.user.id, newEmail));
  return {
    success: `If ${newEmail} can be used, we sent it a confirmation link. Your email changes once you click it.`,
  };
});

export const confirmEmailChangeAction = securityAction(tokenSchema, async ({ token }, session) => {
  const result = await confirmEmailChange(session.user.id, session.sessionId, token);
  if (!result.ok) return { error: "This confirmation link has expired, was already used, or is for another account." };
  revalidatePath("/", "layout");
  redirect("/account?notice=email-changed");
});

/** The current password is this change's step-up (it is checked like any sign-in). */
export const changePasswordAction = securityAction(
  changePasswordSchema,
  async ({ currentPassword, newPassword }, session) => {
    const weak = await checkNewPassword(newPassword, session.user);
    if (weak) return { fieldErrors: { newPassword: weak } };
    const result = await changePassword({
      userId: session.user.id,
      sessionId: session.sessionId,
      currentPassword,
      newPassword,
      ip: await currentClientIp(),
    });
    if (!result.ok)
      return result.field === "form" ? { error: result.message } : { fieldErrors: { [result.field]: result.message } };
    return { success: "Password changed. Your other devices were signed out." };
  },
);

export const setPasswordAction = securityAction(setPasswordSchema, async ({ newPassword }, session) => {
  requireRecentAuthentication(session, "/account#password");
  const weak = await checkNewPassword(newPassword, session.user);
  if (weak) return { fieldErrors: { newPassword: weak } };
  if (!(await setFirstPassword(session.user.id, session.sessionId, newPassword))) {
    return { error: "Your account already has a password. Use “Change password” instead." };
  }
  // The page swaps this form for "Change password", so the notice travels in the URL.
  redirect("/account?notice=password-set");
});

export const disconnectGitHubAction = securityAction(emptySchema, async (_data, session) => {
  requireRecentAuthentication(session, "/account#connections");
  if ((await disconnectGitHub(session.user.id)) === "last-method") {
    return {
      error:
        "GitHub is your only way to sign in. Set a password, confirm your email or add a passkey before disconnecting it.",
    };
  }
  redirect("/account?notice=github-disconnected");
});

export async function connectGitHubAction() {
  const session = await auth();
  if (!session?.user || session.supportAccess || (await crossSiteProblem())) redirect("/account");
  requireRecentAuthentication(session, "/account#connections");
  try {
    await signIn("github", { redirectTo: "/account?notice=github-connected" });
  } catch (error) {
    if (error instanceof AuthError) redirect(`/account?error=${encodeURIComponent(error.type)}`);
    throw error;
  }
}

export const deleteAccountAction = securityAction(deleteAccountSchema, async ({ confirmEmail }, session) => {
  requireRecentAuthentication(session, "/account#delete");
  const result = await deleteAccount(session.user.id, confirmEmail);
  if (!result.ok) {
    return result.field === "form" ? { error: result.message } : { fieldErrors: { [result.field]: result.message } };
  }
  await clearSessionCookie();
  redirect("/?goodbye=1");
});
