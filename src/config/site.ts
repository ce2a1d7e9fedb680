/**
 * Who the product is, in one place. Rename it here and the pages, the header, the emails and the
 * sender all follow (README: "Make it yours"). Pure data: safe for the browser and for emails.
 */
export const site = {
  /** The product's name, as people read it: page titles, headings, email subjects. */
  name: "Gatehouse",
  /** The landing page's headline. */
  tagline: "Authentication you can keep.",
  /** One sentence for search results and link previews. */
  description: "Sign in with an email link, GitHub or a password.",
  /** Where people write when something is wrong with their account (error pages, emails). */
  supportEmail: "support@example.com",
  /**
   * The product's name in identifiers: the development sender's address, the User-Agent sent to
   * outside APIs, and internal names (a cookie, a header, rate-limit keys). Lowercase, no spaces.
   */
  slug: "gatehouse",
  /**
   * The first part of every API token (`gth_pat_…`, src/server/api-tokens/format.ts): a secret
   * scanner can find a leaked token by it. Lowercase letters, 2 to 8 of them; changing it makes
   * every token made before unusable.
   */
  apiTokenPrefix: "gth",
} as const;
