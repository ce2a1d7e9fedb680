"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import type { ActionState } from "@/lib/action-state";
import { describeAuthError } from "@/lib/auth-errors";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { callbackOnlySchema, magicLinkSchema, passwordSignInSchema, signUpSchema } from "@/lib/validation";
import { createPasswordAccount } from "@/server/accounts";
import { env } from "@/server/env";
import { validatedAction } from "@/server/validated-action";
import { VERIFY_EMAIL_COOKIE } from "./verify-request/cookie";

function authErrorState(error: AuthError): ActionState {
  return { error: describeAuthError(error.type).message };
}

export const sendMagicLinkAction = validatedAction(magicLinkSchema, async ({ email, callbackUrl }) => {
  let next: string;
  try {
    next = await signIn("resend", { email, redirectTo: safeCallbackPath(callbackUrl), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return authErrorState(error);
    throw error;
  }
  // A failure that is not an AuthError (the mail provider refused the message) comes back as a
  // redirect to the error page rather than a throw: never say "check your email" then.
  const result = new URL(next, env.appUrl);
  if (result.searchParams.has("error") || !result.pathname.endsWith("/verify-request")) {
    return { error: describeAuthError("EmailSignInError").message };
  }
  // Remember the address for the "check your email" page without putting it in the URL.
  (await cookies()).set(VERIFY_EMAIL_COOKIE, email, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.appUrl.startsWith("https:"),
    path: "/verify-request",
    maxAge: env.MAGIC_LINK_MAX_AGE_MINUTES * 60,
  });
  redirect("/verify-request");
});

export const signInWithPasswordAction = validatedAction(
  passwordSignInSchema,
  async ({ email, password, callbackUrl }) => {
    try {
      // On success this throws Next's redirect, which must propagate.
      await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
    } catch (error) {
      if (error instanceof AuthError) return authErrorState(error);
      throw error;
    }
    return {};
  },
);

export async function signInWithGitHubAction(formData: FormData) {
  const { callbackUrl } = callbackOnlySchema.parse({ callbackUrl: formData.get("callbackUrl") ?? undefined });
  try {
    await signIn("github", { redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) redirect(`/sign-in?error=${encodeURIComponent(error.type)}`);
    throw error;
  }
}

export const signUpAction = validatedAction(signUpSchema, async ({ name, email, password, callbackUrl }) => {
  const created = await createPasswordAccount({ email, password, name });
  if (!created.ok) {
    return {
      fieldErrors: {
        email: "An account with this email already exists. Sign in instead, or use an email link.",
      },
    };
  }
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) return authErrorState(error);
    throw error;
  }
  return {};
});

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
