import { APP_URL } from "../../e2e/env";
import { latestEmailTo, linkIn } from "../../e2e/support/mail";

/**
 * What arrived in the victim's inbox. The attacker never sees it: the tests read it from the fake
 * mail API only to plant the real secret as the attacker's last guess.
 */
export async function signInEmailSecrets(email: string, count = 1) {
  const message = await latestEmailTo(email, count);
  const link = new URL(linkIn(message, APP_URL));
  const code = message.text.match(/device where you asked to sign in:\s+(\d{6})/)?.[1];
  if (!code) throw new Error(`no code in the sign-in email to ${email}`);
  return { link, token: link.searchParams.get("token")!, code };
}

/** Six digits that are not `code`. */
export function wrongCode(code: string, i: number): string {
  const guess = String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0");
  return guess;
}
