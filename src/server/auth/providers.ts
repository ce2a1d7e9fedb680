import "server-only";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Resend from "next-auth/providers/resend";
import { emailSchema, passwordSignInSchema } from "@/lib/validation";
import { env } from "../env";
import { clientIpFrom } from "../security/client-ip";
import { fetchGitHubProfile, githubApiBase } from "./github-profile";
import { MAGIC_LINK_MAX_AGE_SECONDS, sendMagicLink } from "./magic-link";
import { authorizePassword } from "./password-check";
import { AccountSuspended, EmailNotVerified, InvalidCredentials, TooManyAttempts } from "./password-errors";
import { generateLinkToken } from "./sign-in-secrets";

/** The ways to sign in, configured for Auth.js (auth.ts). GitHub only when its keys are set. */

const magicLink = Resend({
  apiKey: env.AUTH_RESEND_KEY,
  from: env.emailFrom,
  maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  // 256 random bits; the 6-digit code is a separate secret (./sign-in-secrets.ts).
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
});

function github(config: NonNullable<typeof env.github>) {
  const apiBase = githubApiBase(config.enterpriseUrl);
  return GitHub({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    ...(config.enterpriseUrl ? { enterprise: { baseUrl: config.enterpriseUrl } } : {}),
    // Our own profile request, so we know whether GitHub verified the address.
    userinfo: {
      url: `${apiBase}/user`,
      request: ({ tokens }: { tokens: { access_token?: string } }) =>
        fetchGitHubProfile(tokens.access_token ?? "", apiBase),
    },
  });
}

const password = Credentials({
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
    if (result.reason === "suspended") throw new AccountSuspended();
    throw new InvalidCredentials();
  },
});

export const providers = [magicLink, ...(env.github ? [github(env.github)] : []), password];
