"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { AccountSuspended, EmailNotVerified, TooManyAttempts } from "@/server/auth/password-errors";
import type { ActionState } from "@/lib/action-state";
import { describeAuthError } from "@/lib/auth-errors";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { callbackOnlySchema, magicLinkSchema, passwordSignInSchema } from "@/lib/validation";
import { emailLimitProblem } from "@/server/forms/guards";
import { env } from "@/server/env";
import { rememberPendingEmail } from "@/server/mail/pending-email";
import { rateLimitMessage } from "@/lib/format";
import { secondFactorPath } from "@/lib/routes";
import { thisBrowsersSessionIsPending } from "@/server/sessions/cookie";
import { crossSiteProblem, validatedAction } from "@/server/forms/validated-action";

/** Sign-in actions: magic link, password, GitHub (the sign-in and sign-up pages and their forms). */

export const sendMagicLinkAction = validatedAction(magicLinkSchema, async ({ email, callbackUrl }) => {
  const limited = await emailLimitProblem(email);
  if (limited) return limited;

  let next: string;
  try {
    next = await signIn("resend", { email, redirectTo: safeCallbackPath(callbackUrl), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { error: describeAuthError(error.type).message };
    throw error;
  }
  // A failure that is not an AuthError (the mail provider refused the message) comes back as a
  // redirect to the error page rather than a throw: never say "check your email" then.
  const result = new URL(next, env.appUrl);
  if (result.searchParams.has("error") || !result.pathname.endsWith("/verify-request")) {
    return { error: describeAuthError("EmailSignInError").message };
  }
  await rememberPendingEmail(email);
  redirect(`/verify-request?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackUrl))}`);
});

export const signInWithPasswordAction = validatedAction(
  passwordSignInSchema,
  async ({ email, password, callbackUrl }): Promise<ActionState> => {
    const destination = safeCallbackPath(callbackUrl);
    try {
      await signIn("credentials", { email, password, redirectTo: destination, redirect: false });
    } catch (error) {
      if (error instanceof TooManyAttempts) return { error: rateLimitMessage(error.retryAfterSeconds) };
      if (error instanceof EmailNotVerified) {
        return {
          error: "Confirm your email address first: use the link or code we emailed you when you signed up.",
          needsVerification: true,
        };
      }
      if (error instanceof AccountSuspended) return { error: describeAuthError("AccountSuspended").message };
      if (error instanceof CredentialsSignin) return { error: describeAuthError("CredentialsSignin").message };
      if (error instanceof AuthError) return { error: describeAuthError(error.type).message };
      throw error;
    }
    // With two-factor on, the new session waits for its second step: go straight there.
    redirect((await thisBrowsersSessionIsPending()) ? secondFactorPath(destination) : destination);
  },
);

export async function signInWithGitHubAction(formData: FormData) {
  if (await crossSiteProblem()) redirect("/sign-in?error=MissingCSRF");
  const { callbackUrl } = callbackOnlySchema.parse({ callbackUrl: formData.get("callbackUrl") ?? undefined });
  try {
    await signIn("github", { redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) redirect(`/sign-in?error=${encodeURIComponent(error.type)}`);
    throw error;
  }
}
