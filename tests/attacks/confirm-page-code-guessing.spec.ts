import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../e2e/support/flows";
import { Attacker } from "./support/attacker";
import { signInEmailSecrets, wrongCode } from "./support/mail";

/**
 * Attack: guess the emailed code through the confirm page. The attacker asks for a sign-in email
 * for the victim's address, then opens /sign-in/confirm?email=<victim>&token=<6 digits> with
 * guess after guess, hoping the page says "Sign in as …" for the live one, whose button signs in.
 * Seen before the fix: 79 wrong guesses, then the right code, and the page offered to sign in.
 */
test("guessing the code through the confirm page never reaches a 'Sign in as' page or a session", async () => {
  const victim = uniqueEmail("victim-confirm");
  const attacker = new Attacker();
  expect((await attacker.requestSignInEmail(victim)).status).toBe(302);
  const { code } = await signInEmailSecrets(victim);

  const answers: string[] = [];
  for (let i = 0; i < 79; i++) {
    answers.push(
      (await attacker.get(`/sign-in/confirm?email=${encodeURIComponent(victim)}&token=${wrongCode(code, i)}`)).body,
    );
  }
  const last = await attacker.get(`/sign-in/confirm?email=${encodeURIComponent(victim)}&token=${code}`);
  answers.push(last.body);

  // The page never offered to sign in, not even for the right code...
  expect(answers.filter((html) => html.includes("Sign in as"))).toHaveLength(0);
  // ...and it stopped looking after this machine's budget of wrong emailed secrets
  // (RATE_LIMITS.codeGuessIp; a link's token is never counted against the address).
  const looked = answers.filter((html) => !html.includes("Too many attempts")).length;
  expect(looked).toBeLessThanOrEqual(30);

  // Pressing the button anyway, with the code as the link's token, signs nobody in.
  await attacker.post(
    `/api/auth/callback/resend?${new URLSearchParams({ token: code, email: victim, callbackUrl: "/dashboard" })}`,
    [],
  );
  expect(attacker.sessionCookie()).toBeUndefined();
  expect(await attacker.whoAmI()).toBeNull();
});

test("the code is accepted only by the code form, and dies after five tries whoever makes them", async () => {
  const victim = uniqueEmail("victim-code-form");
  const attacker = new Attacker();
  await attacker.requestSignInEmail(victim);
  const { code } = await signInEmailSecrets(victim);

  // Five wrong codes from five different real addresses: each counts against the code.
  for (let i = 0; i < 5; i++) {
    const guesser = new Attacker();
    const reply = await guesser.post("/sign-in/code", [
      ["email", victim],
      ["code", wrongCode(code, i)],
      ["callbackUrl", "/dashboard"],
    ]);
    expect(reply.location).toContain("error=invalid-code");
  }
  const lastTry = new Attacker();
  const reply = await lastTry.post("/sign-in/code", [
    ["email", victim],
    ["code", code],
    ["callbackUrl", "/dashboard"],
  ]);
  expect(reply.location).toContain("error=invalid-code");
  expect(lastTry.sessionCookie()).toBeUndefined();
});
