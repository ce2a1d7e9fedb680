import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import { encode as encodeJwt } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Resend from "next-auth/providers/resend";
import { safeRedirectUrl } from "@/lib/safe-redirect";
import { passwordSignInSchema } from "@/lib/validation";
import { createAuthAdapter } from "@/server/auth-adapter";
import { verifyCredentials } from "@/server/credentials";
import { env } from "@/server/env";
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
    /** How this session signed in: "resend", "github" or "credentials". */
    method: string | null;
  }
}

/** Shown as "The email or password is incorrect" (code is safe to expose; it names no account). */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
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
          }),
        ]
      : []),
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(input) {
        const parsed = passwordSignInSchema.safeParse(input);
        if (!parsed.success) throw new InvalidCredentials();
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (!user) throw new InvalidCredentials();
        return user;
      },
    }),
  ],
  callbacks: {
    signIn({ user }) {
      // Every account needs an email address (GitHub users may hide theirs and have none verified).
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
      return {
        expires: new Date(session.expires).toISOString(),
        method: (session as { method?: string | null }).method ?? null,
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
    async signIn({ user, account }) {
      if (user.id && account && account.provider !== "credentials") {
        await labelNewestSession(user.id, account.provider as SignInMethod);
      }
    },
  },
});
