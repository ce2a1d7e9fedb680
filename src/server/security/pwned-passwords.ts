import "server-only";
import { createHash } from "node:crypto";
import { site } from "@/config/site";

/**
 * Have I Been Pwned "Pwned Passwords" range check (k-anonymity): only the first 5 hex characters
 * of the password's SHA-1 leave this server, never the password. Fails open: a timeout or error
 * answers "not known to be breached", so an outage never blocks sign-ups.
 */
export async function isBreachedPassword(
  password: string,
  { baseUrl = "https://api.pwnedpasswords.com", timeoutMs = 2000 } = {},
): Promise<boolean> {
  const digest = createHash("sha1").update(password).digest("hex").toUpperCase();
  const prefix = digest.slice(0, 5);
  const suffix = digest.slice(5);
  try {
    const response = await fetch(`${baseUrl}/range/${prefix}`, {
      headers: { "Add-Padding": "true", "User-Agent": site.slug },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return false;
    const body = await response.text();
    return body.split("\n").some((line) => {
      const [hashSuffix, count] = line.trim().split(":");
      return hashSuffix === suffix && Number(count) > 0;
    });
  } catch {
    return false;
  }
}
