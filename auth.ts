import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import { encode as encodeJwt } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Resend from "next-auth/providers/resend";
import { safeRedirectUrl } from "@/lib/safe-redirect";
import { emailSchema, passwordSignInSchema } from "@/lib/validation";
import {
  clearUnprovenPassword,
  currentSession,
  decideGitHubSignIn,
  markVerifiedByGitHub,
  onAccountLinked,
} from "@/server/auth/github-linking";
import { createAuthAdapter } from "@/server/auth/adapter";
import { MAGIC_LINK_MAX_AGE_SECONDS, sendMagicLink } from "@/server/auth/magic-link";
import { generateLinkToken } from "@/server/auth/sign-in-secrets";
import { authorizePassword } from "@/server/auth/password-check";
import { env } from "@/server/env";
import { fetchGitHubProfile, githubApiBase, type GitHubProfile } from "@/server/auth/github-profile";
import { clientIpFrom } from "@/server/security/client-ip";
import { recordSecurityEvent } from "@/server/security/security-log";
import { endThisBrowsersSession, sessionCookieName } from "@/server/sessions/cookie";
import { createSession, labelNewestSession, type SignInMethod } from "@/server/sessions/store";
import { SESSION_LIFETIME } from "@/server/sessions/lifetime";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** How this session signed in: "resend", "github", "credentials", … */
    method: string | null;
    /** The Session row's id (not its token): names "this device" among the user's sessions. */
    sessionId: string;
    /** When this session last proved its user (sign-in or step-up), ISO 8601. */
    authenticatedAt: string;
  }
}

/** Shown as "The email or password is incorrect" (code is safe to expose; it names no account). */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}

/** Right password, but the address is not confirmed yet (only said after a correct password). */
export class EmailNotVerified extends CredentialsSignin {
  override code = "email_not_verified";
}

/** Too many password attempts for this address or from this IP; nothing was checked. */
export class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

// Set on the JWT "token" by the jwt callback so jwt.encode can hand it to the cookie.
const DB_SESSION_TOKEN = "dbSessionToken";

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: createAuthAdapter(),
  // maxAge is the idle timeout; the adapter enforces the absolute lifetime (src/server/sessions.ts).
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
      console.error("[auth]", error);
    },
  },
  providers: [
    Resend({
      apiKey: env.AUTH_RESEND_KEY,
      from: env.emailFrom,
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      // 256 random bits; the 6-digit code is a separate secret (src/server/auth/sign-in-secrets.ts).
      generateVerificationToken: generateLinkToken,
      // Pinned so we can find the stored token (sha256(token + secret)) ourselves.
      secret: env.AUTH_SECRET,
      // The same normalisation (and checks) as every form and rate limit.
      normalizeIdentifier(identifier) {
        const parsed = emailSchema.safeParse(identifier);
        if (!parsed.success) throw new Error("Invalid email address.");
        return parsed.data;
      },
      sendVerificationRequest: ({ identifier, url, token, expires }) => sendMagicLink({ identifier, url, token, expires }),
    }),
    ...(env.github
      ? [
          GitHub({
            clientId: env.github.clientId,
            clientSecret: env.github.clientSecret,
            ...(env.github.enterpriseUrl ? { enterprise: { baseUrl: env.github.enterpriseUrl } } : {}),
            // Our own profile request, so we know whether GitHub verified the address.
            userinfo: {
              url: `${githubApiBase(env.github.enterpriseUrl)}/user`,
              request: ({ tokens }: { tokens: { access_token?: string } }) =>
                fetchGitHubProfile(tokens.access_token ?? "", githubApiBase(env.github?.enterpriseUrl)),
            },
          }),
        ]
      : []),
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(input, request) {
        const parsed = passwordSignInSchema.safeParse(input);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authorizePassword(parsed.data.email, parsed.data.password, clientIpFrom(request.headers));
        if (result.ok) {
          const { id, email, name, image } = result.user;
          return { id, email, name, image };
        }
        if (result.reason === "rate-limited") throw new TooManyAttempts(result.retryAfterSeconds);
        if (result.reason === "unverified") throw new EmailNotVerified();
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    async signIn({ user, account, profile, email }) {
      if (account?.provider === "github") {
        const session = await currentSession();
        return decideGitHubSignIn({
          email: user.email,
          emailVerifiedByGitHub: (profile as GitHubProfile | undefined)?.email_verified === true,
          account,
          signedIn: session ? { userId: session.userId, sessionId: session.id, authenticatedAt: session.authenticatedAt } : null,
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
    session({ session, user }) {
      const row = session as unknown as { id: string; method: string | null; authenticatedAt: Date };
      return {
        expires: new Date(session.expires).toISOString(),
        method: row.method ?? null,
        sessionId: row.id,
        authenticatedAt: new Date(row.authenticatedAt).toISOString(),
        user: { id: user.id, name: user.name ?? null, email: user.email, image: user.image ?? null },
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
});
