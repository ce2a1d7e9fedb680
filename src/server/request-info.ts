import "server-only";
import { headers } from "next/headers";

/**
 * The client's IP address as reported by the reverse proxy in front of the app
 * (X-Forwarded-For's first hop, or X-Real-IP). Deploy behind a proxy that sets these: a
 * client talking to the app directly could put anything there.
 */
export function clientIpFrom(source: Headers): string {
  const forwarded = source.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || source.get("x-real-ip")?.trim() || "unknown";
}

export async function currentClientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
