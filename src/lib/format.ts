/** How each sign-in method reads in a sentence ("signed in with …"). */
export const METHOD_LABELS: Record<string, string> = {
  resend: "an email link",
  github: "GitHub",
  credentials: "your password",
  passkey: "a passkey",
  "email-verification": "your email confirmation",
  "password-reset": "a password reset",
  support: "support access",
};

// Made once: building an Intl formatter costs far more than using one.
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** One readable, unambiguous date format across the app (UTC, so server and client agree). */
export function formatDateTime(date: Date | string): string {
  return `${dateTimeFormat.format(new Date(date))} UTC`;
}

/** "30 minutes", "1 hour", "24 hours", "7 days": a duration in copy, from the constant that owns it. */
export function formatDuration(seconds: number): string {
  const [amount, unit] =
    seconds % 86_400 === 0 && seconds >= 2 * 86_400
      ? [seconds / 86_400, "day"]
      : seconds % 3600 === 0
        ? [seconds / 3600, "hour"]
        : [Math.round(seconds / 60), "minute"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

/** "Too many attempts. Try again in 12 minutes." */
export function rateLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
