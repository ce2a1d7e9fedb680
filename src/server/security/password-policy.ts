import "server-only";
import { estimateStrength, MIN_STRENGTH_SCORE } from "@/lib/password-strength";
import { env } from "../env";
import { isBreachedPassword } from "./pwned-passwords";

/**
 * NIST SP 800-63B and OWASP ASVS 2.1: length (12-128, checked by the zod schema), no composition rules, and no
 * password that is common or guessable for this person. Returns a message for the user, or null.
 */
export async function checkNewPassword(
  password: string,
  person: { email?: string | null; name?: string | null },
): Promise<string | null> {
  const strength = estimateStrength(password, [person.email ?? "", person.name ?? ""]);
  if (strength.score < MIN_STRENGTH_SCORE) {
    const why = strength.warning ? `${strength.warning.replace(/\.?$/, ".")} ` : "";
    return `This password is too easy to guess. ${why}Try a few unrelated words, or a longer phrase.`;
  }
  if (env.PWNED_PASSWORDS === "on" && (await isBreachedPassword(password, { baseUrl: env.PWNED_PASSWORDS_API_URL }))) {
    return "This password has appeared in a known data breach, so attackers try it first. Please choose another.";
  }
  return null;
}
