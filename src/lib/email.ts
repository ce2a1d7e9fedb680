/**
 * The one normalisation of an email address, used by every form, by Auth.js (its
 * `normalizeIdentifier`) and by the rate limits, so all of them mean the same address:
 * Unicode NFKC first (so a full-width "＠" becomes "@" before anything checks it), then trimmed
 * and lowercased.
 */
export function normalizeEmail(input: string): string {
  return input.normalize("NFKC").trim().toLowerCase();
}

/** Already in the form normalizeEmail gives? Links and API calls must send it that way. */
export function isCanonicalEmail(input: string): boolean {
  return normalizeEmail(input) === input;
}
