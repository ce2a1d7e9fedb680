import { skipCSRFCheck } from "@auth/core";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { encode as encodeJwt } from "next-auth/jwt";
import { SUSPENDED_PATH } from "@/lib/routes";
import { safeRedirectUrl } from "@/lib/safe-redirect";
import {
  clearUnprovenPassword,
  currentSession,
  decideGitHubSignIn,
  markVerifiedByGitHub,
  onAccountLinked,
} from "@/server/auth/github-linking";
import { isSignInBanned } from "@/server/admin/bans";
import { createAuthAdapter } from "@/server/auth/adapter";
import type { GitHubProfile } from "@/server/auth/github-profile";
import { providers } from "@/server/auth/providers";
import { env } from "@/server/env";
import { recordSecurityEvent } from "@/server/security/security-log";
import { endThisBrowsersSession, sessionCookieName } from "@/server/sessions/cookie";
import { createSession, labelNewestSession, type SignInMethod } from "@/server/sessions/store";
import { SESSION_LIFETIME } from "@/server/sessions/lifetime";
import type { StoredSession } from "@/server/sessions/read";
import { answeringFromMiddleware } from "@/server/sessions/header";
import { currentSessionScope } from "@/server/sessions/scope";
import { sessionUserFields, type SessionUserFields } from "@/server/sessions/user-fields";

declare module "next-auth" {
  interface Session {
    /** The user's id and the columns in SESSION_USER_FIELDS (src/server/sessions/user-fields.ts). */
    user: { id: string } & SessionUserFields;
    /** How this session signed in: "resend", "github", "credentials", … */
    method: string | null;
    /** The Session row's id (not its token): names "this device" among the user's sessions. */
    sessionId: string;
    /** When this session last proved its user (sign-in or step-up), ISO 8601. */
    authenticatedAt: string;
    /**
     * Signed in with a first factor, waiting for the second: it may reach /sign-in/two-factor only.
     * Only middleware's `auth()` sees it (the adapter hides pending sessions from every other reader).
     */
    secondFactorPending?: boolean;
    /** Support access (src/server/admin/support-access.ts): the admin seeing the app as this user. */
    supportAccess?: { adminId: string; adminEmail: string };
  }
}

// Set on the JWT "token" by the jwt callback so jwt.encode can hand it to the cookie.
const DB_SESSION_TOKEN = "dbSessionToken";

const config: NextAuthConfig = {
  adapter: createAuthAdapter(),
  // maxAge is the idle timeout; the adapter enforces the absolute lifetime (src/server/sessions/lifetime.ts).
  session: {
    strategy: "database",
    maxAge: SESSION_LIFETIME.idleSeconds,
    updateAge: SESSION_LIFETIME.refreshSeconds,
  },
  secret: env.AUTH_SECRET,
  useSecureCookies: env.secureCookies,
  cookies: { sessionToken: { name: sessionCookieName() } },
  pages: { signIn: "/sign-in", verifyRequest: "/verify-request", error: "/auth-error" },
  logger: {
    error(error) {
      // Wrong passwords and used links are everyday events (they are in the security log);
      // anything else is worth a look.
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin" || type === "Verification") return;
      // The database is away: the outage log has said so once (src/server/outage-log.ts).
      if (type === "SessionTokenError" && currentSessionScope()?.databaseDown) return;
      console.error("[auth]", error);
    },
  },
  providers,
  callbacks: {
    async signIn({ user, account, profile, email }) {
      // A suspended account gets no session from a link, a code or GitHub. Asking for a link is
      // answered as for anyone (no enumeration); using it lands here. GitHub's address counts only
      // once GitHub has verified it: an unverified one would tell anyone whether it is suspended.
      const githubUnverified =
        account?.provider === "github" && (profile as GitHubProfile | undefined)?.email_verified !== true;
      const candidate = { id: user.id, email: githubUnverified ? null : user.email };
      if (!email?.verificationRequest && (await isSignInBanned(candidate))) return SUSPENDED_PATH;
      if (account?.provider === "github") {
        const session = await currentSession();
        return decideGitHubSignIn({
          email: user.email,
          emailVerifiedByGitHub: (profile as GitHubProfile | undefined)?.email_verified === true,
          account,
          signedIn: session
            ? { userId: session.userId, sessionId: session.id, authenticatedAt: session.authenticatedAt }
            : null,
        });
      }
      // A magic link was clicked: the address is proven, so a password chosen before that goes.
      if (account?.provider === "resend" && !email?.verificationRequest && user.id) {
        await clearUnprovenPassword(user.id);
      }
      return Boolean(user.email);
    },
    // Runs only for password sign-ins (the others use the adapter): make a database session
    // like every other method gets (docs/decisions/0002-database-sessions.md).
    async jwt({ token, user, account }) {
      if (account?.provider === "credentials" && user?.id) {
        await endThisBrowsersSession();
        token[DB_SESSION_TOKEN] = await createSession(user.id, "credentials");
      }
      return token;
    },
    // An explicit allowlist: the default hands the client the session token and the whole
    // User row, password hash included.
    // The pending flag reaches only middleware (the adapter hides pending sessions everywhere else).
    session({ session, user }) {
      const row = session as unknown as StoredSession;
      return {
        expires: new Date(session.expires).toISOString(),
        method: row.method ?? null,
        sessionId: row.id,
        authenticatedAt: new Date(row.authenticatedAt).toISOString(),
        ...(row.secondFactorPending ? { secondFactorPending: true } : {}),
        ...(row.impersonator
          ? { supportAccess: { adminId: row.impersonator.id, adminEmail: row.impersonator.email } }
          : {}),
        user: { ...sessionUserFields(user as unknown as Record<string, unknown>), id: user.id },
      };
    },
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
  },
  jwt: {
    async encode(params) {
      const dbToken = params.token?.[DB_SESSION_TOKEN];
      if (typeof dbToken === "string") return dbToken;
      return encodeJwt(params);
    },
  },
  events: {
    async signOut(message) {
      const userId = "session" in message ? message.session?.userId : undefined;
      if (userId) await recordSecurityEvent(userId, "sign-out");
    },
    async linkAccount({ user, account }) {
      if (user.id) await onAccountLinked(user.id, account.provider);
    },
    async signIn({ user, account, profile }) {
      if (!user.id || !account) return;
      await recordSecurityEvent(user.id, "sign-in", account.provider);
      if (account.provider === "credentials") return;
      await labelNewestSession(user.id, account.provider as SignInMethod);
      const github = profile as GitHubProfile | undefined;
      if (account.provider === "github" && github?.email_verified && github.email) {
        await markVerifiedByGitHub(user.id, github.email);
      }
    },
  },
};

const authJs = NextAuth(config);
export const { handlers, signIn, signOut } = authJs;

/**
 * `auth()` only ever reads the session (a GET of Auth.js's session action), which needs no CSRF
 * token: this instance of the same config mints none, so a page view neither creates and hashes a
 * token nor sets its cookie. The endpoints, `signIn` and `signOut` keep Auth.js's CSRF check.
 */
const sessionReader = NextAuth({ ...config, skipCSRFCheck });

/**
 * Auth.js's `auth()`: `export default auth((req) => …)` in middleware.ts, and `await auth()` in a
 * page, route handler or server action, which gets the session middleware read for this request
 * without reading it again (src/server/sessions/header.ts).
 */
export const auth = answeringFromMiddleware(sessionReader.auth);
