import { expect, test } from "@playwright/test";
import { emailsTo } from "../e2e/support/mail";
import { uniqueEmail } from "../e2e/support/flows";
import { Attacker } from "./support/attacker";

/**
 * Attack: one body, two readings. The guard in front of Auth.js counted the per-address mail
 * limit on the body read as a form (undici goes by the MIME type's essence), while Auth.js parses
 * it as JSON whenever the Content-Type merely contains "application/json". A form type with
 * `x=application/json` in its parameters and a JSON body that also splits into a form with a
 * decoy `email` mailed the victim on every request: seen before the fix, 8 requests from 8
 * addresses, 8 links and codes in the victim's inbox (the per-address limit is 5).
 */
const decoy = () => `${crypto.randomUUID().slice(0, 8)}@attacker.example`;
const TWO_FACED = "application/x-www-form-urlencoded; x=application/json";

/** JSON naming the victim, which read as a form names only a decoy. */
function twoFacedBody(victim: string, fields: Record<string, string>) {
  return JSON.stringify({ a: `&email=${decoy()}&`, email: victim, ...fields });
}

test("a JSON body under a form's Content-Type is refused (415) and mails the victim nothing", async () => {
  const victim = uniqueEmail("victim-two-faced");
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const attacker = new Attacker();
    const csrfToken = await attacker.csrfToken();
    const body = twoFacedBody(victim, { csrfToken, callbackUrl: "/dashboard" });
    statuses.push((await attacker.postRaw("/api/auth/signin/resend", body, TWO_FACED)).status);
  }
  // Mail goes out after the response: an honest request sent last has arrived, so the others would have.
  const control = uniqueEmail("control-two-faced");
  await new Attacker().requestSignInEmail(control);
  await expect.poll(async () => (await emailsTo(control)).length).toBe(1);
  expect(await emailsTo(victim)).toHaveLength(0);
  expect(statuses).toEqual(Array(8).fill(415));
});

test("a plain JSON body is read as JSON by the guard too: the victim's per-address limit holds", async () => {
  const victim = uniqueEmail("victim-json");
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const attacker = new Attacker();
    const csrfToken = await attacker.csrfToken();
    const body = JSON.stringify({ email: victim, csrfToken, callbackUrl: "/dashboard" });
    statuses.push((await attacker.postRaw("/api/auth/signin/resend", body, "application/json")).status);
  }
  expect(statuses.filter((status) => status === 429)).toHaveLength(3);
  await expect.poll(async () => (await emailsTo(victim)).length).toBe(5);
});

test("the password door takes the same trick no further than the guard", async () => {
  const victim = uniqueEmail("victim-two-faced-password");
  const attacker = new Attacker();
  const csrfToken = await attacker.csrfToken();
  const body = twoFacedBody(victim, { password: "guess-number-one", csrfToken });
  const reply = await attacker.postRaw("/api/auth/callback/credentials", body, TWO_FACED);
  expect(reply.status).toBe(415);
  expect(attacker.sessionCookie()).toBeUndefined();
});

test("bodies Auth.js would read differently, or not at all, are refused before anything is counted", async () => {
  const victim = uniqueEmail("victim-odd-types");
  const attacker = new Attacker();
  const csrfToken = await attacker.csrfToken();
  const form = new URLSearchParams({ email: victim, csrfToken }).toString();
  const json = JSON.stringify({ email: victim, csrfToken });
  const tries: Array<[string, string | null]> = [
    // Auth.js tests the header case-sensitively: it would see no body at all.
    [json, "Application/JSON"],
    [json, "text/plain"],
    [form, "multipart/form-data; boundary=x"],
    [form, "application/x-www-form-urlencoded-but-not"],
    [form, null],
  ];
  for (const [body, type] of tries) {
    const reply = await attacker.postRaw("/api/auth/signin/resend", body, type);
    expect(reply.status, `Content-Type ${type}`).toBe(415);
  }
  // JSON that is no object of strings: an address given as a list.
  const listed = JSON.stringify({ email: [victim, decoy()], csrfToken });
  expect((await attacker.postRaw("/api/auth/signin/resend", listed, "application/json")).status).toBe(400);
  const control = uniqueEmail("control-odd-types");
  await new Attacker().requestSignInEmail(control);
  await expect.poll(async () => (await emailsTo(control)).length).toBe(1);
  expect(await emailsTo(victim)).toHaveLength(0);
});

test("the code form answers JSON and empty bodies with a clear 4xx, not a server error", async () => {
  const attacker = new Attacker();
  const json = await attacker.postRaw(
    "/sign-in/code",
    JSON.stringify({ email: uniqueEmail("code-json"), code: "123456" }),
    "application/json",
  );
  expect(json.status).toBe(415);
  expect(json.body).toContain("application/x-www-form-urlencoded");
  expect((await attacker.postRaw("/sign-in/code", "", null)).status).toBe(400);
  expect((await attacker.postRaw("/sign-in/code", "", "application/x-www-form-urlencoded")).status).toBe(400);
});
