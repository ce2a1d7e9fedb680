import "server-only";
import { headers } from "next/headers";
import { env } from "../env";

/**
 * The client's IP address, from the hops we trust (README: "Client IP").
 *
 * X-Forwarded-For is a list that each proxy appends to; everything left of what our own proxies
 * appended was written by the client, who can write anything. So the address is the entry
 * TRUSTED_PROXY_HOPS places from the right (default 1: the one proxy in front of the app, or
 * Next.js itself, which fills the header with the connection's address when it is missing).
 * With CLIENT_IP_HEADER set, that header (which a trusted proxy overwrites) is used instead.
 */
export function clientIpFrom(
  source: Headers,
  { hops = env.TRUSTED_PROXY_HOPS, header = env.CLIENT_IP_HEADER }: { hops?: number; header?: string } = {},
): string {
  if (header) return source.get(header)?.trim() || "unknown";
  const entries = (source.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than hops: the request skipped a proxy; the leftmost is the best we have.
  return entries[Math.max(0, entries.length - hops)] ?? "unknown";
}

export async function currentClientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
