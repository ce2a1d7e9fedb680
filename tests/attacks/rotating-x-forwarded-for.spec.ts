import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../e2e/support/flows";
import { Attacker, randomPublicAddress } from "./support/attacker";

/**
 * Attack: reset every per-IP budget by writing a new X-Forwarded-For on each request. Behind a
 * proxy that appends the real client address (nginx `proxy_add_x_forwarded_for`, Vercel, Fly,
 * Render), the left-most entry is whatever the client wrote. Seen before the fix: 120 password
 * checks for 120 addresses from one machine, all of them checked.
 */
test("one machine spraying a password across 120 addresses is stopped by its real address's budget", async () => {
  const attacker = new Attacker();
  const outcomes: number[] = [];
  for (let i = 0; i < 120; i++) {
    const csrfToken = await attacker.csrfToken();
    const reply = await attacker.post(
      "/api/auth/callback/credentials",
      [
        ["email", uniqueEmail(`spray-${i}`)],
        ["password", "Winter2026!"],
        ["csrfToken", csrfToken],
        ["callbackUrl", "/dashboard"],
      ],
      { "x-forwarded-for": randomPublicAddress() },
    );
    outcomes.push(reply.status);
  }
  const checked = outcomes.filter((status) => status === 302).length;
  const refused = outcomes.filter((status) => status === 429).length;
  // 50 checks per IP address per 15 minutes (RATE_LIMITS.passwordCheckIp).
  expect(checked).toBe(50);
  expect(refused).toBe(70);
});

test("a rotated X-Forwarded-For does not reset the budget for guessing emailed codes either", async () => {
  const attacker = new Attacker();
  const answers: string[] = [];
  for (let i = 0; i < 40; i++) {
    const reply = await attacker.post(
      "/sign-in/code",
      [
        ["email", uniqueEmail(`code-spray-${i}`)],
        ["code", "000000"],
        ["callbackUrl", "/dashboard"],
      ],
      { "x-forwarded-for": randomPublicAddress() },
    );
    answers.push(reply.location ?? "");
  }
  // 30 tries per IP address per 15 minutes (RATE_LIMITS.codeGuessIp), then "rate-limited".
  expect(answers.filter((location) => location.includes("error=invalid-code"))).toHaveLength(30);
  expect(answers.filter((location) => location.includes("error=rate-limited"))).toHaveLength(10);
});

test("two real machines keep separate budgets (the limit is per client, not global)", async () => {
  const email = uniqueEmail("two-machines");
  const first = new Attacker();
  const second = new Attacker();
  for (const machine of [first, second]) {
    const csrfToken = await machine.csrfToken();
    const reply = await machine.post("/api/auth/callback/credentials", [
      ["email", email],
      ["password", "not-the-password"],
      ["csrfToken", csrfToken],
    ]);
    expect(reply.status).toBe(302);
  }
});
