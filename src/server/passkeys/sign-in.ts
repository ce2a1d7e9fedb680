import "server-only";
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { db } from "../db";
import { signInThisBrowser } from "../sessions/cookie";
import { challengeOf, consumeSignInChallenge, issueSignInChallenge, PASSKEY_CHALLENGE_SECONDS } from "./challenges";
import { relyingParty, splitTransports, verifyForThisSite } from "./relying-party";

/** Signing in with a passkey (the button and the autofill on /sign-in). */

/**
 * What the browser needs to ask for a passkey. It names no account and lists no credentials
 * (the passkeys are discoverable), so it reads the same for every visitor: nothing to enumerate.
 * The challenge is stateless until answered (./challenges.ts): issuing it writes nothing, so
 * /sign-in renders one into every page for the autofill at no cost to the database.
 */
export async function passkeySignInOptions(now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials: [],
    userVerification: "required",
    timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
    challenge: issueSignInChallenge(now),
  });
}

export type PasskeyCheck =
  { ok: true; userId: string } | { ok: false; reason: "expired" | "unknown" | "invalid" | "suspended" };

/**
 * Checks a sign-in answer and, when it holds, records the passkey's new signature counter and
 * last use. Signs nobody in (see signInWithPasskey). In order:
 * 1. its challenge is used up (one DELETE): a captured answer can't be sent again;
 * 2. the passkey is ours, and belongs to the user the authenticator names;
 * 3. the signature, origin, relying-party ID and user verification hold, and the counter moved
 *    on (both checked by @simplewebauthn/server);
 * 4. the counter is written only if nobody else wrote it since we read it, so two answers checked
 *    against the same counter can't both sign in.
 */
export async function verifyPasskeySignIn(
  response: AuthenticationResponseJSON,
  now = new Date(),
): Promise<PasskeyCheck> {
  const challenge = challengeOf(response.response.clientDataJSON);
  if (!challenge || !(await consumeSignInChallenge(challenge, now))) return { ok: false, reason: "expired" };

  const passkey = await db.passkey.findUnique({ where: { credentialId: response.id } });
  if (!passkey) return { ok: false, reason: "unknown" };
  const { userHandle } = response.response;
  if (userHandle !== undefined && userHandle !== isoBase64URL.fromUTF8String(passkey.userId)) {
    return { ok: false, reason: "invalid" };
  }

  const verification = await verifyForThisSite(challenge, (expected) =>
    verifyAuthenticationResponse({
      response,
      ...expected,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: splitTransports<AuthenticatorTransport>(passkey.transports),
      },
    }),
  );
  if (!verification) return { ok: false, reason: "invalid" };

  const { newCounter, credentialBackedUp } = verification.authenticationInfo;
  const { count } = await db.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(newCounter), backedUp: credentialBackedUp, lastUsedAt: now },
  });
  if (count !== 1) return { ok: false, reason: "invalid" };
  return { ok: true, userId: passkey.userId };
}

/**
 * A passkey sign-in: checks the answer, then starts a session in this browser like our other
 * flows (src/server/sessions/cookie.ts). The session is complete from the start: a passkey is
 * something you have, unlocked by something you know or are, so it needs no second step.
 */
export async function signInWithPasskey(response: AuthenticationResponseJSON): Promise<PasskeyCheck> {
  const result = await verifyPasskeySignIn(response);
  if (result.ok && !(await signInThisBrowser(result.userId, "passkey"))) return { ok: false, reason: "suspended" };
  return result;
}
