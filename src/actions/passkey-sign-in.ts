"use server";

import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { redirect } from "next/navigation";
import { describeAuthError } from "@/lib/auth-errors";
import { rateLimitMessage } from "@/lib/format";
import { authenticationResponseSchema } from "@/lib/passkey-schemas";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { crossSiteProblem } from "@/server/forms/validated-action";
import { passkeySignInOptions, signInWithPasskey, type PasskeyCheck } from "@/server/passkeys/sign-in";
import { currentClientIp } from "@/server/security/client-ip";
import { limitPasskeyAttempt, limitPasskeyChallenge, type RateLimitResult } from "@/server/security/limits";

/**
 * "Sign in with a passkey" on /sign-in (src/components/auth/passkey-sign-in.tsx). Server actions,
 * so they POST to the page's own URL behind Next's origin check, our same-origin check and
 * middleware's body limit. Each step counts against its own per-IP limit.
 */

export type PasskeyStart = { options: PublicKeyCredentialRequestOptionsJSON } | { error: string };

const FAILED: Record<Exclude<PasskeyCheck, { ok: true }>["reason"], string> = {
  expired: "That passkey request expired or was already used. Please try again.",
  unknown: "We don't recognise that passkey. It may have been removed from your account; sign in another way.",
  invalid: "That passkey couldn't be verified. Please try again, or sign in another way.",
  suspended: describeAuthError("AccountSuspended").message,
};

async function refusal(limit: (ip: string) => Promise<RateLimitResult>): Promise<{ error: string } | null> {
  const crossSite = await crossSiteProblem();
  if (crossSite?.error) return { error: crossSite.error };
  const counted = await limit(await currentClientIp());
  return counted.ok ? null : { error: rateLimitMessage(counted.retryAfterSeconds) };
}

/** For the button: fresh options (the page's own, for the autofill, may be used up). */
export async function startPasskeySignInAction(): Promise<PasskeyStart> {
  return (await refusal(limitPasskeyChallenge)) ?? { options: await passkeySignInOptions() };
}

/**
 * Signs in and goes on to `callbackUrl`; otherwise says what went wrong. The browser sees
 * `undefined` when it redirected.
 */
export async function finishPasskeySignInAction(
  response: unknown,
  callbackUrl: unknown,
): Promise<{ error: string; unknownPasskey?: true } | undefined> {
  const refused = await refusal(limitPasskeyAttempt);
  if (refused) return refused;
  const parsed = authenticationResponseSchema.safeParse(response);
  if (!parsed.success) return { error: FAILED.invalid };
  const result = await signInWithPasskey(parsed.data as AuthenticationResponseJSON);
  if (!result.ok) {
    // The browser may ask the device to forget a passkey we no longer know.
    return result.reason === "unknown"
      ? { error: FAILED.unknown, unknownPasskey: true }
      : { error: FAILED[result.reason] };
  }
  redirect(safeCallbackPath(callbackUrl));
}
