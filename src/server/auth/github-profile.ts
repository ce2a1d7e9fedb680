import "server-only";
import { normalizeEmail } from "@/lib/email";
import { site } from "@/config/site";

/** What GitHub says about the user, plus whether GitHub verified the address we use. */
export interface GitHubProfile {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
  avatar_url: string;
  /** Set by us from /user/emails: Auth.js's provider ignores the `verified` flag. */
  email_verified: boolean;
  [key: string]: unknown;
}

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

export function githubApiBase(enterpriseUrl?: string): string {
  return enterpriseUrl ? `${enterpriseUrl.replace(/\/$/, "")}/api/v3` : "https://api.github.com";
}

/**
 * Fetches the profile and the primary email with its `verified` flag. The address we use is the
 * primary one from /user/emails; a public profile email alone is never treated as verified.
 */
export async function fetchGitHubProfile(accessToken: string, apiBase: string): Promise<GitHubProfile> {
  const headers = { Authorization: `Bearer ${accessToken}`, "User-Agent": site.slug, Accept: "application/json" };
  const profileResponse = await fetch(`${apiBase}/user`, { headers });
  if (!profileResponse.ok) throw new Error(`GitHub /user answered ${profileResponse.status}`);
  const profile = (await profileResponse.json()) as GitHubProfile;

  let primary: GitHubEmail | undefined;
  const emailsResponse = await fetch(`${apiBase}/user/emails`, { headers });
  if (emailsResponse.ok) {
    const emails = (await emailsResponse.json()) as GitHubEmail[];
    primary = emails.find((e) => e.primary) ?? emails[0];
  }
  const email = primary?.email ?? profile.email;
  // The same normalisation as every other way in (NFKC, trimmed, lowercased).
  return { ...profile, email: email ? normalizeEmail(email) : null, email_verified: primary?.verified === true };
}
