/**
 * An organization's slug: its name in the URL (/orgs/[slug]). Lower-case letters, digits and single
 * hyphens, 3–40 characters, and none of the words the app's own routes use or that would mislead.
 * Stored lower-case, so "Acme" and "acme" are the same slug.
 */
export const ORG_SLUG_MIN = 3;
export const ORG_SLUG_MAX = 40;

const RESERVED = new Set([
  "new",
  "admin",
  "api",
  "app",
  "auth",
  "account",
  "accounts",
  "dashboard",
  "invite",
  "invitations",
  "login",
  "logout",
  "orgs",
  "settings",
  "sign-in",
  "sign-up",
  "signin",
  "signup",
  "support",
  "help",
  "security",
  "billing",
  "www",
  "root",
  "system",
]);

/** A slug suggested from the name (the user can edit it): accents dropped, runs of other characters one hyphen. */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, ORG_SLUG_MAX)
    .replace(/-+$/, "");
}

/** Why this slug cannot be used, in words for the form; null when it can (uniqueness is the database's). */
export function orgSlugProblem(slug: string): string | null {
  if (slug.length < ORG_SLUG_MIN || slug.length > ORG_SLUG_MAX) {
    return `Use ${ORG_SLUG_MIN} to ${ORG_SLUG_MAX} characters.`;
  }
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    return "Use lower-case letters, digits and single hyphens, starting and ending with a letter or digit.";
  }
  if (RESERVED.has(slug)) return "That name is reserved. Choose another.";
  return null;
}
