import { z } from "zod";

/**
 * What a browser sends back from a passkey ceremony (@simplewebauthn/browser's JSON), checked
 * before anything reads it. Lengths follow WebAuthn's limits with room to spare; the request
 * body as a whole is capped at 16 KiB by middleware. Unknown keys are dropped.
 */
const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);

// A credential ID is at most 1023 bytes: 1364 characters of base64url.
const credentialId = base64url(1400);

const transports = z
  .array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]))
  .max(8)
  .optional();

const attachment = z.enum(["platform", "cross-platform"]).optional();

export const registrationResponseSchema = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(8192),
    transports,
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults: z.object({}).default({}),
});

export const authenticationResponseSchema = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(4096),
    signature: base64url(2048),
    // Our user ids (cuid), as the user handle we registered; at most 64 bytes by WebAuthn.
    userHandle: base64url(128).optional(),
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults: z.object({}).default({}),
});

export const PASSKEY_NAME_MAX_LENGTH = 64;

export const passkeyNameSchema = z
  .string({ message: "Give the passkey a name." })
  .trim()
  .min(1, "Give the passkey a name.")
  .max(PASSKEY_NAME_MAX_LENGTH, `Keep the name under ${PASSKEY_NAME_MAX_LENGTH} characters.`);

/** A passkey row's id (a cuid), as the page's forms send it. */
export const passkeyIdSchema = z.string().min(1).max(64);

export const renamePasskeySchema = z.object({ passkeyId: passkeyIdSchema, name: passkeyNameSchema });

export const removePasskeySchema = z.object({ passkeyId: passkeyIdSchema });
