import "server-only";
import type { Account } from "next-auth";
import { isRecentlyAuthenticated } from "./step-up";
import { db } from "../db";
import { sendAccountConnectedEmail, sendNotice } from "../mail/messages";
import { recordSecurityEvent } from "../security/security-log";
import { currentSessionToken } from "../sessions/cookie";
import { revokeAllSessions, revokeOtherSessions } from "../sessions/store";
import { hashToken } from "../security/secrets";

const NOT_LINKED = "/auth-error?error=OAuthAccountNotLinked";
const UNVERIFIED = "/auth-error?error=GitHubEmailUnverified";
const STEP_UP_NEEDED = "/account?error=StepUpRequired";

/** The session this browser is signed in with (a full one, not pending a second factor). */
export async function currentSession(): Promise<{ id: string; userId: string; authenticatedAt: Date } | null> {
  const token = await currentSessionToken();
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { sessionToken: hashToken(token) },
    select: { id: true, userId: true, authenticatedAt: true, expires: true, secondFactorPending: true },
  });
  return session && session.expires > new Date() && !session.secondFactorPending ? session : null;
}

/**
 * Decides a GitHub sign-in (Auth.js signIn callback). Returns true to continue, or the page to
 * send the user to.
 * - A GitHub identity already linked to an account signs in to it.
 * - An address GitHub has not verified creates nothing and links nothing.
 * - Signed in (connecting from /account): links to that account, after a recent sign-in (step-up).
 * - Signed out, new address: a new account. Existing address: linked only when that account's
 *   address is verified too (never allowDangerousEmailAccountLinking); the owner is told, and
 *   every existing session is signed out, since a new way in was added.
 */
export async function decideGitHubSignIn(params: {
  email: string | null | undefined;
  emailVerifiedByGitHub: boolean;
  account: Account;
  signedIn: { userId: string; sessionId: string; authenticatedAt: Date } | null;
}): Promise<true | string> {
  const { account } = params;
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { userId: true },
  });
  if (linked) return true;
  if (!params.email) return "/auth-error?error=AccessDenied";
  if (!params.emailVerifiedByGitHub) return UNVERIFIED;
  if (params.signedIn) {
    return isRecentlyAuthenticated({
      sessionId: params.signedIn.sessionId,
      authenticatedAt: params.signedIn.authenticatedAt,
    })
      ? true
      : STEP_UP_NEEDED;
  }

  const existing = await db.user.findUnique({ where: { email: params.email } });
  if (!existing) return true; // A new account.
  if (!existing.emailVerified) return NOT_LINKED;
  // Both sides verified the address: link, and Auth.js then signs into the existing user.
  // Provider tokens are not stored (nothing uses them).
  await db.account.create({
    data: {
      userId: existing.id,
      type: account.type,
      provider: account.provider,
      providerAccountId: account.providerAccountId,
      token_type: account.token_type ?? null,
      scope: account.scope ?? null,
      expires_at: account.expires_at ?? null,
    },
  });
  await revokeAllSessions(existing.id);
  await recordSecurityEvent(existing.id, "account-linked", account.provider);
  await announceConnectedAccount(existing.email, account.provider);
  return true;
}

/**
 * Auth.js linked an account (its linkAccount event). When a signed-in user connected it from
 * /account, every other session is signed out and the owner is told. A brand-new GitHub account
 * has no session yet: only the log entry.
 */
export async function onAccountLinked(userId: string, provider: string): Promise<void> {
  await recordSecurityEvent(userId, "account-linked", provider);
  const session = await currentSession();
  if (session?.userId !== userId) return;
  await revokeOtherSessions(userId, session.id);
  const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  await announceConnectedAccount(email, provider);
}

async function announceConnectedAccount(email: string, provider: string): Promise<void> {
  await sendNotice("account-connected", () =>
    sendAccountConnectedEmail(email, provider === "github" ? "GitHub" : provider),
  );
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
