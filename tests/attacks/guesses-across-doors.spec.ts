import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../e2e/support/flows";
import { Attacker } from "./support/attacker";
import { signInEmailSecrets, wrongCode } from "./support/mail";

/**
 * Attack: spread guesses at an address's emailed code over every door and over several emails,
 * from many machines, hoping each door or each code keeps its own count. The code is taken by one
 * door only (the code form); the confirm page and the callback take only the link's 256-bit token,
 * so a code typed there is one more wrong token. At the code form the address has one budget of
 * wrong codes across all its emails (RATE_LIMITS.codeGuess: 10 per 15 minutes), besides each
 * code's own 5 tries.
 */
const q = (email: string, token: string) => new URLSearchParams({ email, token, callbackUrl: "/dashboard" });

async function typeCode(email: string, code: string) {
  const client = new Attacker();
  const reply = await client.post("/sign-in/code", [
    ["email", email],
    ["code", code],
    ["callbackUrl", "/dashboard"],
  ]);
  return { reply, signedIn: client.sessionCookie() !== undefined };
}

test("wrong codes share one budget per address across its emails; the code opens no other door", async () => {
  const victim = uniqueEmail("victim-doors");

  // Two emails, five wrong codes each, from ten machines: each code dies, and the budget is spent.
  for (let round = 0; round < 2; round++) {
    await new Attacker().requestSignInEmail(victim);
    const { code } = await signInEmailSecrets(victim, round + 1);
    for (let i = 0; i < 5; i++)
      expect((await typeCode(victim, wrongCode(code, i))).reply.location).toContain("invalid-code");
  }

  // A third email: its right code, typed at the code form, is not even looked at...
  await new Attacker().requestSignInEmail(victim);
  const { code } = await signInEmailSecrets(victim, 3);
  const right = await typeCode(victim, code);
  expect(right.reply.location).toContain("error=rate-limited");
  expect(right.signedIn).toBe(false);

  // ...and at the link's doors a code is no token at all.
  const page = await new Attacker().get(`/sign-in/confirm?${q(victim, code)}`);
  expect(page.body).not.toContain("Sign in as");
  const viaCallback = new Attacker();
  await viaCallback.post(`/api/auth/callback/resend?${q(victim, code)}`, []);
  expect(viaCallback.sessionCookie()).toBeUndefined();
});

test("tries at the link's doors don't spend the address's code budget, nor refuse its live link", async () => {
  const victim = uniqueEmail("victim-link-doors");
  await new Attacker().requestSignInEmail(victim);
  const { code, token } = await signInEmailSecrets(victim);

  // Twenty wrong tokens at the confirm page and the callback, from twenty machines.
  for (let i = 0; i < 10; i++) {
    await new Attacker().get(`/sign-in/confirm?${q(victim, wrongCode(code, i))}`);
    await new Attacker().post(`/api/auth/callback/resend?${q(victim, "f".repeat(63) + i)}`, []);
  }

  // The live link still offers to sign in, and the code is still good at the code form.
  expect((await new Attacker().get(`/sign-in/confirm?${q(victim, token)}`)).body).toContain("Sign in as");
  expect((await typeCode(victim, code)).signedIn).toBe(true);
});
