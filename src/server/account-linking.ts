import "server-only";
import type { Account } from "next-auth";
import { db } from "./db";
import { recordSecurityEvent } from "./security-log";
import { currentSessionToken } from "./session-cookie";
import { hashToken } from "./tokens";

const NOT_LINKED = "/auth-error?error=OAuthAccountNotLinked";

/** The signed-in user's id, read from the session cookie of the current request. */
export async function currentUserId(): Promise<string | null> {
  const token = await currentSessionToken();
  if (!token) return null;
  const session = await db.session.findUnique({ where: { sessionToken: hashToken(token) } });
  return session && session.expires > new Date() ? session.userId : null;
}

/**
 * Decides a GitHub sign-in (Auth.js signIn callback). Returns true to continue, or the page to
 * send the user to. Auth.js itself refuses to link by email; we link only when GitHub verified
 * the address AND the existing account's address is verified: never
 * allowDangerousEmailAccountLinking, and never on an unverified address.
 */
export async function decideGitHubSignIn(params: {
  email: string | null | undefined;
  emailVerifiedByGitHub: boolean;
  account: Account;
  /** The user already signed in on this browser, if any (connecting GitHub from /account). */
  signedInUserId: string | null;
}): Promise<true | string> {
  const { account } = params;
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { userId: true },
  });
  // A returning GitHub user, or a signed-in user connecting GitHub from /account.
  if (linked || params.signedInUserId) return true;

  if (!params.email) return "/auth-error?error=AccessDenied";
  const existing = await db.user.findUnique({ where: { email: params.email } });
  if (!existing) return true; // A new account.

  if (!params.emailVerifiedByGitHub || !existing.emailVerified) return NOT_LINKED;
  // Both sides verified the address: link, and Auth.js then signs into the existing user.
  await db.account.create({
    data: {
      userId: existing.id,
      type: account.type,
      provider: account.provider,
      providerAccountId: account.providerAccountId,
      access_token: account.access_token ?? null,
      token_type: account.token_type ?? null,
      scope: account.scope ?? null,
      refresh_token: account.refresh_token ?? null,
      expires_at: account.expires_at ?? null,
      id_token: account.id_token ?? null,
    },
  });
  await recordSecurityEvent(existing.id, "account-linked", account.provider);
  return true;
}

/**
 * Pre-registration takeover guard: someone may have signed up with this address and chosen the
 * password before its owner ever proved it. The first verified sign-in (magic link) clears that
 * password; the owner can set their own from /account.
 */
export async function clearUnprovenPassword(userId: string): Promise<void> {
  const { count } = await db.user.updateMany({
    where: { id: userId, emailVerified: null, passwordHash: { not: null } },
    data: { passwordHash: null },
  });
  if (count > 0) await db.authToken.deleteMany({ where: { userId, purpose: "verify-email" } });
}

/** GitHub verified the address this account uses: mark it verified. */
export async function markVerifiedByGitHub(userId: string, email: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, email, emailVerified: null }, data: { emailVerified: new Date() } });
}
