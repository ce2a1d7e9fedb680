/**
 * What to tell someone when their browser's passkey dialog fails (an error from
 * @simplewebauthn/browser, thrown in the browser before anything reaches us).
 */
export function describePasskeyError(error: unknown, ceremony: "register" | "sign-in"): string {
  const { name, code } = (error ?? {}) as { name?: string; code?: string };
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
    return "This device already has a passkey for your account. You can use that one to sign in.";
  }
  if (name === "NotAllowedError" || name === "AbortError" || code === "ERROR_CEREMONY_ABORTED") {
    return "The passkey request was cancelled or timed out. Try again when you're ready.";
  }
  return ceremony === "register"
    ? "Your browser couldn't create a passkey. Try again, or use another browser or device."
    : "Your browser couldn't use a passkey. Try again, or sign in another way.";
}

export const NO_PASSKEY_SUPPORT = {
  register: "This browser can't create passkeys. Try a recent version of Chrome, Edge, Firefox or Safari.",
  "sign-in": "This browser can't use passkeys. Sign in with an email link or your password instead.",
} as const;
