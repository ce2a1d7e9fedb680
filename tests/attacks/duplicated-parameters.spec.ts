import { expect, test } from "@playwright/test";
import { emailsTo } from "../e2e/support/mail";
import { uniqueEmail } from "../e2e/support/flows";
import { Attacker, randomPublicAddress } from "./support/attacker";
import { signInEmailSecrets, wrongCode } from "./support/mail";

/**
 * Attack: name two addresses in one request. A limiter that reads the first `email` counts a
 * throwaway address while Auth.js, which reads the last, acts on the victim's. Seen before the
 * fix: 79 wrong guesses at the callback, then the right code, signed the attacker in as the
 * victim; and the send endpoint mailed any inbox without limit.
 */
const decoy = () => `${crypto.randomUUID().slice(0, 8)}@attacker.example`;

test("guesses at Auth.js's callback with a decoy address first are refused before anything is counted or looked up", async () => {
  const victim = uniqueEmail("victim-dup-callback");
  const attacker = new Attacker();
  await attacker.requestSignInEmail(victim);
  const { code, token } = await signInEmailSecrets(victim);

  const callback = (guess: string) =>
    `/api/auth/callback/resend?token=${guess}&email=${encodeURIComponent(decoy())}&email=${encodeURIComponent(victim)}&callbackUrl=%2Fdashboard`;
  // With a fresh client-written X-Forwarded-For each time too, as the attack was played.
  const spoofed = () => ({ "x-forwarded-for": randomPublicAddress() });
  const statuses: number[] = [];
  for (let i = 0; i < 79; i++) statuses.push((await attacker.get(callback(wrongCode(code, i)), spoofed())).status);
  // The last guesses are the real secrets: the code, and even the link's own token.
  statuses.push((await attacker.get(callback(code), spoofed())).status);
  statuses.push((await attacker.post(callback(token), [], spoofed())).status);

  expect(new Set(statuses)).toEqual(new Set([400]));
  expect(attacker.sessionCookie()).toBeUndefined();
  expect(await attacker.whoAmI()).toBeNull();
});

test("the same trick at the code form and the confirm page is refused too", async () => {
  const victim = uniqueEmail("victim-dup-code");
  const attacker = new Attacker();
  await attacker.requestSignInEmail(victim);
  const { code, token } = await signInEmailSecrets(victim);

  const form = await attacker.post("/sign-in/code", [
    ["email", decoy()],
    ["email", victim],
    ["code", code],
  ]);
  expect(form.status).toBe(400);
  const page = await attacker.get(
    `/sign-in/confirm?email=${encodeURIComponent(decoy())}&email=${encodeURIComponent(victim)}&token=${token}`,
  );
  expect(page.status).toBe(400);
  expect(page.body).not.toContain("Sign in as");
  expect(attacker.sessionCookie()).toBeUndefined();
});

test("an address in another case or with spaces is refused, not counted as a different address", async () => {
  const victim = uniqueEmail("victim-case");
  const attacker = new Attacker();
  await attacker.requestSignInEmail(victim);
  const { token } = await signInEmailSecrets(victim);
  const shouted = victim.toUpperCase();
  const reply = await attacker.post(
    `/api/auth/callback/resend?token=${token}&email=${encodeURIComponent(shouted)}`,
    [],
  );
  expect(reply.status).toBe(400);
  expect(attacker.sessionCookie()).toBeUndefined();
});

test("asking for sign-in emails with a decoy address first mails the victim nothing", async () => {
  const victim = uniqueEmail("victim-dup-send");
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const attacker = new Attacker();
    const csrfToken = await attacker.csrfToken();
    const reply = await attacker.post("/api/auth/signin/resend", [
      ["email", decoy()],
      ["email", victim],
      ["csrfToken", csrfToken],
    ]);
    statuses.push(reply.status);
  }
  expect(new Set(statuses)).toEqual(new Set([400]));
  expect(await emailsTo(victim)).toHaveLength(0);
});

test("without the trick, the victim's inbox gets at most the per-address limit, however many addresses ask", async () => {
  const victim = uniqueEmail("victim-flood");
  for (let i = 0; i < 8; i++) await new Attacker().requestSignInEmail(victim);
  expect(await emailsTo(victim)).toHaveLength(5);
});
