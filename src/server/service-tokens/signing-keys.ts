import "server-only";
import { Prisma, type SigningKey } from "@prisma/client";
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type CryptoKey, type JWK } from "jose";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { deriveKey } from "../security/derived-keys";
import { decrypt, DecryptionError, encrypt, keyFrom } from "../security/encryption";

/**
 * The keys that sign service tokens (./issue.ts), in the SigningKey table:
 * - RS256 (what every JWT library verifies); the public half is published at /.well-known/jwks.json,
 *   the private half is stored encrypted with a key derived from AUTH_SECRET, bound to its `kid`;
 * - the newest key signs. The first is made on first use; its `generation` is unique, so two
 *   instances starting together make one key between them (the loser reads the winner's);
 * - `npm run keys:rotate` adds a key that signs from then on; the one before stays published until
 *   every token it signed has expired (PUBLISHED_AFTER_RETIREMENT_SECONDS), then it is deleted;
 * - a private key that does not decrypt (AUTH_SECRET changed) is an error, never a reason to make
 *   a new key quietly: tokens stop being issued until AUTH_SECRET is put back or a key is rotated in.
 */
export const SIGNING_ALG = "RS256";
/** The longest a service token lives. */
export const SERVICE_TOKEN_SECONDS = 300;
/** A retired key is published this long: its last token's lifetime, plus a minute for clocks. */
export const PUBLISHED_AFTER_RETIREMENT_SECONDS = SERVICE_TOKEN_SECONDS + 60;

export class SigningKeyError extends Error {
  override name = "SigningKeyError";
}

function wrappingKeys(authSecret = env.authSecret) {
  return [keyFrom(deriveKey(authSecret, "signing-keys"))];
}

async function newKeyRow(generation: number): Promise<Prisma.SigningKeyCreateInput> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true, modulusLength: 2048 });
  const id = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid: id, alg: SIGNING_ALG, use: "sig" };
  return {
    id,
    generation,
    alg: SIGNING_ALG,
    publicJwk: JSON.stringify(publicJwk),
    privateKey: encrypt(await exportPKCS8(privateKey), id, wrappingKeys()),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function publishedSince(now: Date): Date {
  return new Date(now.getTime() - PUBLISHED_AFTER_RETIREMENT_SECONDS * 1000);
}

/** The keys to publish, newest first; the first key is made here when there is none. */
export async function publishedKeys(now = new Date()): Promise<SigningKey[]> {
  const where = { OR: [{ retiredAt: null }, { retiredAt: { gt: publishedSince(now) } }] };
  const keys = await db.signingKey.findMany({ where, orderBy: { generation: "desc" } });
  if (keys.length > 0) return keys;
  try {
    await db.signingKey.create({ data: await newKeyRow(1) });
  } catch (error) {
    // Another instance made the first key at the same moment: use that one.
    if (!isUniqueViolation(error)) throw error;
  }
  return db.signingKey.findMany({ where, orderBy: { generation: "desc" } });
}

export function publicJwk(key: SigningKey): JWK {
  return JSON.parse(key.publicJwk) as JWK;
}

const imported = new Map<string, CryptoKey>();

/** The key's private half (PKCS#8 PEM); SigningKeyError when AUTH_SECRET is not the one it was stored with. */
export function decryptPrivateKey(key: SigningKey, authSecret = env.authSecret): string {
  try {
    return decrypt(key.privateKey, key.id, wrappingKeys(authSecret));
  } catch (error) {
    if (!(error instanceof DecryptionError)) throw error;
    throw new SigningKeyError(
      `The service-token signing key ${key.id} does not decrypt with this AUTH_SECRET. Put back the AUTH_SECRET it ` +
        "was made with, or run `npm run keys:rotate` to add a new key (tokens signed by the old one stay valid until they expire).",
    );
  }
}

/** The key that signs now: its id and private key. */
export async function currentSigningKey(): Promise<{ kid: string; privateKey: CryptoKey }> {
  const [key] = await publishedKeys();
  if (!key) throw new SigningKeyError("No signing key could be made.");
  let privateKey = imported.get(key.id);
  if (!privateKey) {
    privateKey = await importPKCS8(decryptPrivateKey(key), key.alg);
    imported.set(key.id, privateKey);
  }
  return { kid: key.id, privateKey };
}

export type RotationResult = { kid: string; retired: string | null; deleted: number };

/**
 * Adds a key that signs from now on; the one it replaces stays published until its tokens have
 * expired. Keys retired longer ago than that are deleted. Two rotations at once: one of them adds
 * the key, the other fails on the unique generation and says so.
 */
export async function rotateSigningKey(now = new Date()): Promise<RotationResult> {
  try {
    return await addSigningKey(now);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new SigningKeyError(
      "Another rotation added a key at the same moment; that key signs now. Nothing was changed.",
    );
  }
}

function addSigningKey(now: Date): Promise<RotationResult> {
  return db.$transaction(async (tx) => {
    const newest = await tx.signingKey.findFirst({ orderBy: { generation: "desc" } });
    const row = await newKeyRow((newest?.generation ?? 0) + 1);
    await tx.signingKey.create({ data: row });
    if (newest && !newest.retiredAt) {
      await tx.signingKey.update({ where: { id: newest.id }, data: { retiredAt: now } });
    }
    const { count } = await tx.signingKey.deleteMany({ where: { retiredAt: { lte: publishedSince(now) } } });
    return { kid: row.id, retired: newest?.id ?? null, deleted: count };
  });
}

/** For the cleanup: keys no token can still need. */
export function deleteExpiredSigningKeys(now = new Date()) {
  return db.signingKey.deleteMany({ where: { retiredAt: { lte: publishedSince(now) } } });
}
