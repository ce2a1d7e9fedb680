import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies, headers } from "next/headers";
import { db } from "../db";
import { env } from "../env";
import { clientIpFrom } from "../security/client-ip";
import { deriveKey } from "../security/derived-keys";
import { generateToken, hashToken } from "../security/secrets";
import { site } from "@/config/site";

/**
 * "Remember this device for 30 days": after a second factor, the browser may keep a cookie that
 * skips the prompt for this user. The cookie is httpOnly, signed (HMAC of the user, the moment
 * two-factor was turned on, and a random token) and names a row the owner sees and can revoke on
 * /account/sessions. Turning two-factor off, or replacing the backup codes, forgets every device.
 */
export const REMEMBER_DEVICE_DAYS = 30;

function cookieName(): string {
  return `${env.secureCookies ? "__Host-" : ""}${site.slug}.remembered-device`;
}

let key: Buffer | undefined;
function sign(userId: string, factorEnabledAt: Date, token: string): string {
  key ??= deriveKey(env.authSecret, "remembered device");
  return createHmac("sha256", key).update(`${userId}.${factorEnabledAt.toISOString()}.${token}`).digest("base64url");
}

/** Remembers this browser for the user's current two-factor setup. */
export async function rememberThisDevice(userId: string, factorEnabledAt: Date): Promise<void> {
  const token = generateToken();
  const expires = new Date(Date.now() + REMEMBER_DEVICE_DAYS * 24 * 60 * 60 * 1000);
  const requestHeaders = await headers();
  const ip = clientIpFrom(requestHeaders);
  await db.rememberedDevice.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      factorEnabledAt,
      expires,
      userAgent: requestHeaders.get("user-agent")?.slice(0, 512) ?? null,
      ipAddress: ip === "unknown" ? null : ip,
    },
  });
  (await cookies()).set(cookieName(), `${token}.${sign(userId, factorEnabledAt, token)}`, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    expires,
  });
}

/** Does this request come from a device the user remembered with their current two-factor setup? */
export async function isRememberedDevice(userId: string, factorEnabledAt: Date): Promise<boolean> {
  let value: string | undefined;
  try {
    value = (await cookies()).get(cookieName())?.value;
  } catch {
    return false; // Outside a request: no cookie.
  }
  const [token = "", signature = ""] = (value ?? "").split(".");
  const expected = Buffer.from(sign(userId, factorEnabledAt, token));
  const given = Buffer.from(signature);
  if (!token || expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const { count } = await db.rememberedDevice.updateMany({
    where: { tokenHash: hashToken(token), userId, factorEnabledAt, expires: { gt: new Date() } },
    data: { lastUsedAt: new Date() },
  });
  return count === 1;
}

export function listRememberedDevices(userId: string) {
  return db.rememberedDevice.findMany({
    where: { userId, expires: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, lastUsedAt: true, userAgent: true, ipAddress: true, expires: true },
  });
}

/** Forgets one of the user's devices; false if it is not theirs (or already gone). */
export async function forgetDevice(userId: string, id: string): Promise<boolean> {
  const { count } = await db.rememberedDevice.deleteMany({ where: { id, userId } });
  return count === 1;
}

export async function forgetAllDevices(userId: string): Promise<void> {
  await db.rememberedDevice.deleteMany({ where: { userId } });
}
