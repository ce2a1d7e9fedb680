import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../e2e/support/flows";
import { Attacker } from "./support/attacker";
import { signInEmailSecrets, wrongCode } from "./support/mail";

/**
 * Attack: spread guesses over every door that takes an emailed secret for one address, from many
 * machines, hoping each door keeps its own count. They share one budget per address, counted
 * before any lookup (RATE_LIMITS.codeGuess: 10 per 15 minutes).
 */
test("tries at the confirm page, the callback and the code form share one budget per address", async () => {
  const victim = uniqueEmail("victim-doors");
  await new Attacker().requestSignInEmail(victim);
  const { code, token } = await signInEmailSecrets(victim);
  const q = (t: string) => new URLSearchParams({ email: victim, token: t, callbackUrl: "/dashboard" });

  // Ten tries from ten machines, spread over three doors.
  for (let i = 0; i < 4; i++) await new Attacker().get(`/sign-in/confirm?${q(wrongCode(code, i))}`);
  for (let i = 4; i < 7; i++) await new Attacker().post(`/api/auth/callback/resend?${q(wrongCode(code, i))}`, []);
  for (let i = 7; i < 10; i++) {
    await new Attacker().post("/sign-in/code", [
      ["email", victim],
      ["code", wrongCode(code, i)],
      ["callbackUrl", "/dashboard"],
    ]);
  }

  // The eleventh, with the real secrets, is not even looked at, at any door.
  const page = await new Attacker().get(`/sign-in/confirm?${q(token)}`);
  expect(page.body).toContain("Too many attempts");
  expect(page.body).not.toContain("Sign in as");
  const viaCallback = new Attacker();
  const callback = await viaCallback.post(`/api/auth/callback/resend?${q(token)}`, []);
  expect(callback.location).toContain("error=TooManyAttempts");
  expect(viaCallback.sessionCookie()).toBeUndefined();
  const viaForm = new Attacker();
  const form = await viaForm.post("/sign-in/code", [
    ["email", victim],
    ["code", code],
    ["callbackUrl", "/dashboard"],
  ]);
  expect(form.location).toContain("error=rate-limited");
  expect(viaForm.sessionCookie()).toBeUndefined();
});
