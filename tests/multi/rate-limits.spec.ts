import { emailsTo } from "../e2e/support/mail";
import { APP_URL } from "./env";
import { expect, servedBy, test, uniqueEmail } from "./support/instances";

test("the emails-per-address limit counts requests through both instances", async ({ request, ip }) => {
  const email = uniqueEmail("limit-across");
  const through = (instance: number) => ({ "x-forwarded-for": ip, "x-upstream": String(instance) });
  const csrf = await request.get("/api/auth/csrf", { headers: through(0) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const ask = (instance: number) =>
    request.post("/api/auth/signin/resend", {
      form: { email, csrfToken, callbackUrl: "/dashboard" },
      headers: { ...through(instance), origin: APP_URL },
      maxRedirects: 0,
    });

  const points = 5; // RATE_LIMITS.emailSend: emails per address per hour
  for (let i = 0; i < points; i++) {
    const sent = await ask(i % 2);
    expect(servedBy(sent)).toBe(i % 2);
    expect(sent.status()).toBe(302);
    expect(sent.headers().location).toContain("/verify-request");
  }
  // Over the limit on either instance, whichever counted the earlier ones.
  for (const instance of [0, 1]) {
    const refused = await ask(instance);
    expect(servedBy(refused)).toBe(instance);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  }
  await expect.poll(async () => (await emailsTo(email)).length).toBe(points);
});
