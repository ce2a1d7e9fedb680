import "server-only";
import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { site } from "@/config/site";
import { hashToken } from "../security/secrets";

/**
 * An API token: `<prefix>_pat_<30 random base62><6-character base62 CRC32 of the random part>`,
 * e.g. `gth_pat_…` (GitHub's format). The prefix lets a secret scanner find a leaked token; the
 * checksum lets us refuse a mistyped or made-up one before any database read. 30 base62 characters
 * are 178 random bits. Only sha256 of the whole token is stored.
 */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;

export const API_TOKEN_PREFIX = `${site.apiTokenPrefix}_pat_`;
const SHAPE = new RegExp(`^${API_TOKEN_PREFIX}([0-9A-Za-z]{${RANDOM_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`);

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: bytes above it are dropped, so every character is equally likely.
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

function checksum(random: string): string {
  let value = crc32(random);
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export function generateApiToken(): { token: string; tokenHash: string; lastFour: string } {
  const random = randomBase62(RANDOM_LENGTH);
  const token = `${API_TOKEN_PREFIX}${random}${checksum(random)}`;
  return { token, tokenHash: hashToken(token), lastFour: token.slice(-4) };
}

/** Has the token our shape and a right checksum? (Says nothing about whether it exists.) */
export function isWellFormedApiToken(token: string): boolean {
  const match = SHAPE.exec(token);
  return match !== null && checksum(match[1]!) === match[2];
}
