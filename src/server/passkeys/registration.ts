import "server-only";
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoUint8Array } from "@simplewebauthn/server/helpers";
import { Prisma } from "@prisma/client";
import { PASSKEY_NAME_MAX_LENGTH } from "@/lib/passkey-schemas";
import { db } from "../db";
import { sendNotice, sendPasskeyChangedEmail } from "../mail/messages";
import { recordSecurityEvent } from "../security/security-log";
import { challengeOf, consumeChallenge, PASSKEY_CHALLENGE_SECONDS, saveChallenge } from "./challenges";
import { joinTransports, relyingParty, splitTransports, verifyForThisSite } from "./relying-party";

/** Adding a passkey to a signed-in account (/account/passkeys). */

export interface PasskeyOwner {
  id: string;
  email: string;
  name: string | null;
}

/** What the browser needs to create a passkey for `user`; the challenge is kept server-side. */
export async function passkeyRegistrationOptions(user: PasskeyOwner): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = relyingParty();
  const existing = await db.passkey.findMany({
    where: { userId: user.id },
    select: { credentialId: true, transports: true },
  });
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    // The user handle: our user id (no personal data), the same for every passkey of the account,
    // so an authenticator keeps one passkey per account and sign-in can check whose it is.
    userID: isoUint8Array.fromUTF8String(user.id),
    attestationType: "none",
    // The authenticator refuses to make a second passkey where this account already has one.
    excludeCredentials: existing.map((p) => ({
      id: p.credentialId,
      transports: splitTransports<AuthenticatorTransport>(p.transports),
    })),
    // Discoverable, so sign-in needs no email (nothing to enumerate); verified (PIN, biometrics),
    // so a passkey is two factors on its own.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
    timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
  });
  await saveChallenge(options.challenge, "register", user.id);
  return options;
}

export type RegistrationResult =
  { ok: true; passkeyId: string; name: string } | { ok: false; reason: "expired" | "invalid" | "already-registered" };

/**
 * Checks the browser's answer against the challenge issued to this user, stores the passkey,
 * records it in the security log and emails the owner. `name` is the first name it gets (the
 * browser and device it was made on); the owner can rename it.
 */
export async function registerPasskey(
  user: PasskeyOwner,
  response: RegistrationResponseJSON,
  name: string,
): Promise<RegistrationResult> {
  const challenge = challengeOf(response.response.clientDataJSON);
  if (!challenge || !(await consumeChallenge(challenge, "register", user.id))) return { ok: false, reason: "expired" };

  const verification = await verifyForThisSite(challenge, (expected) =>
    verifyRegistrationResponse({ response, ...expected }),
  );
  if (!verification?.registrationInfo) return { ok: false, reason: "invalid" };
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;

  const passkeyName = name.trim().slice(0, PASSKEY_NAME_MAX_LENGTH) || "Passkey";
  let passkeyId: string;
  try {
    ({ id: passkeyId } = await db.passkey.create({
      data: {
        userId: user.id,
        credentialId: credential.id,
        publicKey: credential.publicKey,
        counter: BigInt(credential.counter),
        transports: joinTransports(credential.transports ?? response.response.transports),
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name: passkeyName,
      },
    }));
  } catch (error) {
    // The same credential on another account (or added twice): unique credentialId.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "already-registered" };
    }
    throw error;
  }
  await recordSecurityEvent(user.id, "passkey-added", passkeyName);
  await sendNotice("passkey-added", () => sendPasskeyChangedEmail(user.email, "added", passkeyName));
  return { ok: true, passkeyId, name: passkeyName };
}
