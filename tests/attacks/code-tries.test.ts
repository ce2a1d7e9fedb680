import { describe, expect, it } from "vitest";
import {
  consumeSignInCode,
  generateLinkToken,
  issueSignInCode,
  storedVerificationToken,
} from "@/server/auth/sign-in-secrets";
import { consumeCode, issueToken, MAX_CODE_TRIES } from "@/server/security/email-tokens";
import { db } from "@/server/db";
import { createUser, uniqueEmail } from "../support/users";

/**
 * Attack: guess a 6-digit code faster than its tries are counted, by sending many guesses at the
 * same moment. Each try takes one of the code's five before any comparison, in one conditional
 * UPDATE, so no interleaving gets a sixth comparison.
 */
async function liveSignInEmail(email: string) {
  const token = generateLinkToken();
  const tokenHash = storedVerificationToken(token);
  const expires = new Date(Date.now() + 15 * 60_000);
  await db.verificationToken.create({ data: { identifier: email, token: tokenHash, expires } });
  const code = await issueSignInCode(email, tokenHash, expires);
  return { code, tokenHash };
}

const wrong = (code: string, i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0");

describe("a sign-in code under a burst of guesses", () => {
  it("twenty wrong guesses at once, then the right code: refused, and the code is gone", async () => {
    const email = uniqueEmail("burst");
    const { code } = await liveSignInEmail(email);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => consumeSignInCode(email, wrong(code, i))));
    expect(results.every((ok) => !ok)).toBe(true);
    expect(await consumeSignInCode(email, code)).toBe(false);
    expect(await db.signInCode.count({ where: { identifier: email } })).toBe(0);
  });

  it(`after ${MAX_CODE_TRIES} wrong tries the right code is refused: the code is dead`, async () => {
    const email = uniqueEmail("five-tries");
    const { code } = await liveSignInEmail(email);
    for (let i = 0; i < MAX_CODE_TRIES; i++) expect(await consumeSignInCode(email, wrong(code, i))).toBe(false);
    expect(await consumeSignInCode(email, code)).toBe(false);
  });

  it(`${MAX_CODE_TRIES - 1} wrong tries still leave the right code usable (the owner's typo costs nothing more)`, async () => {
    const email = uniqueEmail("four-tries");
    const { code } = await liveSignInEmail(email);
    for (let i = 0; i < MAX_CODE_TRIES - 1; i++) expect(await consumeSignInCode(email, wrong(code, i))).toBe(false);
    expect(await consumeSignInCode(email, code)).toBe(true);
  });

  it("two right answers at once: exactly one signs in", async () => {
    const email = uniqueEmail("race");
    const { code } = await liveSignInEmail(email);
    const results = await Promise.all([consumeSignInCode(email, code), consumeSignInCode(email, code)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("using the code kills the link sent with it", async () => {
    const email = uniqueEmail("code-kills-link");
    const { code, tokenHash } = await liveSignInEmail(email);
    expect(await consumeSignInCode(email, code)).toBe(true);
    expect(await db.verificationToken.count({ where: { identifier: email, token: tokenHash } })).toBe(0);
  });

  it("an expired code is refused even when right", async () => {
    const email = uniqueEmail("expired-code");
    const { code } = await liveSignInEmail(email);
    await db.signInCode.update({ where: { identifier: email }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await consumeSignInCode(email, code)).toBe(false);
  });
});

describe("an email-verification code under a burst of guesses", () => {
  it("twenty wrong guesses at once leave no sixth comparison: the right code is refused after", async () => {
    const user = await createUser({ verified: false });
    const { code } = await issueToken({ userId: user.id, purpose: "verify-email", email: user.email, withCode: true });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => consumeCode("verify-email", user.email, wrong(code!, i))),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect((await consumeCode("verify-email", user.email, code!)).ok).toBe(false);
    expect(await db.authToken.count({ where: { userId: user.id, purpose: "verify-email" } })).toBe(0);
  });
});
