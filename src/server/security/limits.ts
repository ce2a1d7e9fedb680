import "server-only";
import { rateLimits, type RateLimitName, type RateLimitResult, type RateLimits } from "./rate-limit";

/**
 * The rate-limit policies, by name. Each door that sends mail or checks a secret calls one of
 * these before it looks anything up, so an attacker's guesses are counted whichever door they use
 * (docs/security.md counts them per hour). Numbers live in RATE_LIMITS (./rate-limit.ts).
 */

export type { RateLimitResult } from "./rate-limit";

/** What an emailed secret's try is counted against (see limitSecretTry). */
export type SecretTry =
  | { kind: "link"; ip: string }
  | { kind: "code"; email: string; ip: string }
  | { kind: "account-code"; userId: string; ip: string };

function secretTryChecks(secret: SecretTry): Array<[RateLimitName, string]> {
  const ip: [RateLimitName, string] = ["codeGuessIp", secret.ip];
  if (secret.kind === "code") return [["codeGuess", secret.email], ip];
  if (secret.kind === "account-code") return [["accountCodeGuess", secret.userId], ip];
  return [ip];
}

/** The policies on one limiter (the app's, below; tests build them on each store). */
export function limitPolicies(limits: RateLimits) {
  return {
    /** One email to `email`, asked for from `ip`: sign-in links, verification, reset, step-up codes. */
    limitEmailSend(email: string, ip: string): Promise<RateLimitResult> {
      return limits.consumeLimits([
        ["emailSend", email],
        ["emailSendIp", ip],
      ]);
    },

    /**
     * One try of an emailed secret, counted before it is looked at; when it was right, call
     * forgiveSecretTry with the same argument, so only failures count (docs/decisions/0007-rate-limits.md):
     * - `link`: a link's 256-bit token (sign-in confirm page and callback, email verification,
     *   reset, email change): per IP only, so guesses at an address can't refuse its owner's link;
     * - `code`: a 6-digit code typed for an address (sign-in and email-verification code forms):
     *   per address and per IP;
     * - `account-code`: a 6-digit code typed by a signed-in user (step-up): per account and per IP,
     *   out of reach of anonymous guesses at the address.
     */
    limitSecretTry(secret: SecretTry): Promise<RateLimitResult> {
      return limits.consumeLimits(secretTryChecks(secret));
    },

    /** The secret was right: its try no longer counts. */
    forgiveSecretTry(secret: SecretTry): Promise<void> {
      return limits.forgiveLimits(secretTryChecks(secret));
    },

    /** One password check for `email` from `ip`, at any door; refused outright during a lockout. */
    async limitPasswordCheck(email: string, ip: string): Promise<RateLimitResult> {
      const locked = await limits.checkPasswordLockout(email);
      if (!locked.ok) return locked;
      return limits.consumeLimits([
        ["passwordCheck", email],
        ["passwordCheckIp", ip],
      ]);
    },

    /**
     * Would a password check for `email` from `ip` be refused? Counts nothing: the password endpoint
     * answers 429 with it before Auth.js runs (the check itself is counted in limitPasswordCheck).
     */
    async peekPasswordCheck(email: string | null, ip: string): Promise<RateLimitResult> {
      const checks: Array<[RateLimitName, string]> = [["passwordCheckIp", ip]];
      if (email) checks.push(["passwordCheck", email]);
      const over = await limits.peekLimits(checks);
      const locked = email ? await limits.checkPasswordLockout(email) : ({ ok: true } as const);
      const retryAfterSeconds = Math.max(
        over.ok ? 0 : over.retryAfterSeconds,
        locked.ok ? 0 : locked.retryAfterSeconds,
      );
      return retryAfterSeconds > 0 ? { ok: false, retryAfterSeconds } : { ok: true };
    },

    /** One passkey sign-in answer from `ip`, counted before it is looked at. */
    limitPasskeyAttempt(ip: string): Promise<RateLimitResult> {
      return limits.consumeLimits([["passkeyAttemptIp", ip]]);
    },

    /** One passkey sign-in challenge issued to `ip`. */
    limitPasskeyChallenge(ip: string): Promise<RateLimitResult> {
      return limits.consumeLimits([["passkeyChallengeIp", ip]]);
    },

    /** One try of CRON_SECRET from `ip`, counted before it is compared; forgiven when it was right. */
    limitCronSecretTry(ip: string): Promise<RateLimitResult> {
      return limits.consumeLimits([["cronSecretIp", ip]]);
    },

    forgiveCronSecretTry(ip: string): Promise<void> {
      return limits.forgiveLimits([["cronSecretIp", ip]]);
    },

    /** One new account from `ip`, counted before the password is judged or anything is written. */
    limitSignUp(ip: string): Promise<RateLimitResult> {
      return limits.consumeLimits([["signUpIp", ip]]);
    },

    /**
     * One invitation email from `inviterId` in `organizationId` to `email`: per organization and
     * per inviter in a day, and to the address as every email we send to it is (emailSend), so
     * invitations can't be used to flood an inbox or a stranger's address.
     */
    limitInvitation(organizationId: string, inviterId: string, email: string): Promise<RateLimitResult> {
      return limits.consumeLimits([
        ["invitationOrg", organizationId],
        ["invitationInviter", inviterId],
        ["emailSend", email],
      ]);
    },

    /**
     * One second-factor code (from the authenticator app, or a backup code) for a user, at sign-in or
     * step-up. Counted per account, not per address: the first factor already named the user.
     */
    limitSecondFactorGuess(userId: string, ip: string): Promise<RateLimitResult> {
      return limits.consumeLimits([
        ["secondFactorGuess", userId],
        ["secondFactorGuessIp", ip],
      ]);
    },

    /**
     * One /api/v1 call with a well-formed token, before the token is looked up: refused outright
     * while the IP is over its wrong-token limit, then counted per token and per IP.
     */
    async limitApiRequest(tokenHash: string, ip: string): Promise<RateLimitResult> {
      const failures = await limits.peekLimits([["apiTokenFailureIp", ip]]);
      if (!failures.ok) return failures;
      return limits.consumeLimits([
        ["apiRequest", tokenHash],
        ["apiRequestIp", ip],
      ]);
    },

    /** A well-formed token that opened nothing: it counts toward its IP's wrong-token limit. */
    async recordApiTokenFailure(ip: string): Promise<void> {
      await limits.consumeLimits([["apiTokenFailureIp", ip]]);
    },

    /** One service token (/api/token) issued to `userId`. */
    limitServiceToken(userId: string): Promise<RateLimitResult> {
      return limits.consumeLimits([["serviceToken", userId]]);
    },
  };
}

export const {
  limitEmailSend,
  limitSecretTry,
  forgiveSecretTry,
  limitPasswordCheck,
  peekPasswordCheck,
  limitPasskeyAttempt,
  limitPasskeyChallenge,
  limitSignUp,
  limitSecondFactorGuess,
  limitCronSecretTry,
  forgiveCronSecretTry,
  limitInvitation,
  limitApiRequest,
  recordApiTokenFailure,
  limitServiceToken,
} = limitPolicies(rateLimits);
