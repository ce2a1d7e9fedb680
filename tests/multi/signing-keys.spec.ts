import { expect, servedBy, test } from "./support/instances";

// The first signing key (src/server/service-tokens/signing-keys.ts) is made on first use. Two
// instances asked for it at the same moment must agree on one: its generation is unique, and the
// instance that loses the insert reads the winner's key.
test("two instances asked for the public keys at once make one signing key between them", async ({ request }) => {
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      request.get("/.well-known/jwks.json", { headers: { "x-upstream": String(i % 2) } }),
    ),
  );
  expect(answers.map((a) => a.status())).toEqual(Array(8).fill(200));
  expect(new Set(answers.map(servedBy))).toEqual(new Set([0, 1]));
  const kids = await Promise.all(
    answers.map(async (a) => ((await a.json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid)),
  );
  expect(kids[0]).toHaveLength(1);
  for (const set of kids) expect(set).toEqual(kids[0]);
});
