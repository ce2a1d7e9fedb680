import "server-only";
import { site } from "@/config/site";
import { env } from "../env";

/**
 * Who our passkeys belong to. The relying-party ID (the host a passkey is bound to) and the
 * origin a browser must report both come from the configured app URL (AUTH_URL), never from the
 * request: a spoofed Host or X-Forwarded-Host can't make us accept an answer made for another site.
 * The ID is the exact host, so passkeys made on app.example.com work there only.
 */
export function relyingParty(appUrl = env.appUrl): { id: string; origin: string; name: string } {
  const url = new URL(appUrl);
  return { id: url.hostname, origin: url.origin, name: site.name };
}

/** Transports are stored comma-separated ("internal,hybrid"); WebAuthn wants a list. */
export function splitTransports<T extends string>(stored: string | null): T[] | undefined {
  return stored ? (stored.split(",") as T[]) : undefined;
}

export function joinTransports(transports: readonly string[] | undefined): string | null {
  return transports && transports.length > 0 ? transports.join(",") : null;
}
