import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import { encode as encodeJwt } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Resend from "next-auth/providers/resend";
import { safeRedirectUrl } from "@/lib/safe-redirect";
import { passwordSignInSchema } from "@/lib/validation";
import {
  clearUnprovenPassword,
  currentUserId,
  decideGitHubSignIn,
  markVerifiedByGitHub,
} from "@/server/account-linking";
import { createAuthAdapter } from "@/server/auth-adapter";
import { verifyCredentials } from "@/server/credentials";
import { env } from "@/server/env";
import { fetchGitHubProfile, githubApiBase, type GitHubProfile } from "@/server/github";
import { consumeRateLimits } from "@/server/rate-limit";
import { clientIpFrom } from "@/server/request-info";
import { MAGIC_LINK_MAX_AGE_SECONDS, sendMagicLink } from "@/server/magic-link";
import {
  createSession,
  labelNewestSession,
  SESSION_MAX_AGE_SECONDS,
  SESSION_UPDATE_AGE_SECONDS,
  type SignInMethod,
} from "@/server/sessions";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** How this session signed in: "resend", "github", "credentials", … */
    method: string | null;
    /** The Session row's id (not its token): names "this device" among the user's sessions. */
    sessionId: string;
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
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  secret: env.AUTH_SECRET,
  pages: { signIn: "/sign-in", verifyRequest: "/verify-request", error: "/auth-error" },
  providers: [
    Resend({
      apiKey: env.AUTH_RESEND_KEY,
      from: env.emailFrom,
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      // Pinned so we can find the stored token (sha256(token + secret)) if the send fails.
      secret: env.AUTH_SECRET,
      sendVerificationRequest: ({ identifier, url, token }) =>
        sendMagicLink({ identifier, url, token, secret: env.AUTH_SECRET ?? "" }),
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
        const limit = await consumeRateLimits([
          ["passwordSignIn", parsed.data.email],
          ["passwordSignInIp", `ip:${clientIpFrom(request.headers)}`],
        ]);
        if (!limit.ok) throw new TooManyAttempts(limit.retryAfterSeconds);
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (!user) throw new InvalidCredentials();
        if (!user.emailVerified) throw new EmailNotVerified();
        return { id: user.id, email: user.email, name: user.name, image: user.image };
      },
    }),
  ],
  callbacks: {
    async signIn({ user, account, profile, email }) {
      if (account?.provider === "github") {
        return decideGitHubSignIn({
          email: user.email,
          emailVerifiedByGitHub: (profile as GitHubProfile | undefined)?.email_verified === true,
          account,
          signedInUserId: await currentUserId(),
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
        token[DB_SESSION_TOKEN] = await createSession(user.id, "credentials");
      }
      return token;
    },
    // An explicit allowlist: the default hands the client the session token and the whole
    // User row, password hash included.
    session({ session, user }) {
      const row = session as unknown as { id: string; method: string | null };
      return {
        expires: new Date(session.expires).toISOString(),
        method: row.method ?? null,
        sessionId: row.id,
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
    async signIn({ user, account, profile }) {
      if (!user.id || !account || account.provider === "credentials") return;
      await labelNewestSession(user.id, account.provider as SignInMethod);
      const github = profile as GitHubProfile | undefined;
      if (account.provider === "github" && github?.email_verified && github.email) {
        await markVerifiedByGitHub(user.id, github.email);
      }
    },
  },
});
