import { site } from "@/config/site";

/**
 * One map from Auth.js error codes (and our own) to words a person understands,
 * each with the next step. Used by /sign-in and /auth-error.
 */
export interface AuthErrorMessage {
  title: string;
  message: string;
}

const messages: Record<string, AuthErrorMessage> = {
  CredentialsSignin: {
    title: "That didn't work",
    message: "The email or password is incorrect. Check them and try again, or sign in with an email link instead.",
  },
  Verification: {
    title: "This sign-in link has expired or was already used",
    message: "Links work once and only for a short time. Request a new one from the sign-in page.",
  },
  OAuthAccountNotLinked: {
    title: "This email already has an account",
    message:
      "Sign in the way you did before (email link or password). You can then connect GitHub from your account settings.",
  },
  GitHubEmailUnverified: {
    title: "GitHub hasn't verified that email address",
    message:
      "We only accept a GitHub sign-in for an address GitHub has verified. Verify it in GitHub (Settings → Emails), or make it your primary address, then try again; or sign in with an email link.",
  },
  StepUpRequired: {
    title: "Confirm it's you first",
    message:
      "Connecting an account needs a recent sign-in. Use “Connect GitHub” again and confirm it's you when asked.",
  },
  AccessDenied: {
    title: "Access denied",
    message: "You don't have permission to sign in with that account. Try another method, or contact support.",
  },
  Configuration: {
    title: "Sign-in is not available right now",
    message: "Something is misconfigured on our side. Please try again in a few minutes.",
  },
  EmailSignInError: {
    title: "We couldn't send the email",
    message: "Your sign-in email could not be sent. Check the address and try again in a moment.",
  },
  OAuthSignInError: {
    title: "We couldn't reach GitHub",
    message: "Starting sign-in with GitHub failed. Try again, or use an email link.",
  },
  OAuthCallbackError: {
    title: "GitHub sign-in didn't finish",
    message: "GitHub sign-in was cancelled or failed. Try again, or use an email link.",
  },
  TooManyAttempts: {
    title: "Too many attempts",
    message: "For your security we paused this for a few minutes. Wait a little, then request a new sign-in link.",
  },
  AccountSuspended: {
    title: "This account is suspended",
    message: `This account has been suspended, so it can't be signed in to. If you think this is a mistake, write to ${site.supportEmail}.`,
  },
  MissingCSRF: {
    title: "Your session form expired",
    message: "Reload the page and try again.",
  },
};

const fallback: AuthErrorMessage = {
  title: "Something went wrong",
  message: "We couldn't sign you in. Please try again, or use another sign-in method.",
};

export function describeAuthError(code: string | null | undefined): AuthErrorMessage {
  if (!code) return fallback;
  return messages[code] ?? fallback;
}
