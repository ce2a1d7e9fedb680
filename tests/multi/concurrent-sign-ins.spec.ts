import { randomIp } from "../support/random";
import { latestEmailTo, linkIn } from "../e2e/support/mail";
import { APP_URL } from "./env";
import { expect, servedBy, test, uniqueEmail } from "./support/instances";

const USERS = 24;

// Many people signing in at the same moment through both instances, on one database: each sign-in
// writes limiter counters, a token, a user and a session. None may fail for a lock (the P1008
// "Operation has timed out" that once surfaced as a CallbackRouteError).
test(`${USERS} people signing in at once through both instances all get in`, async ({ playwright }) => {
  const signIn = async (n: number) => {
    const email = uniqueEmail(`crowd-${n}`);
    const visitor = await playwright.request.newContext({
      baseURL: APP_URL,
      extraHTTPHeaders: { "x-forwarded-for": randomIp(), origin: APP_URL },
    });
    const through = (instance: number) => ({ "x-upstream": String(instance) });
    const { csrfToken } = (await (await visitor.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const asked = await visitor.post("/api/auth/signin/resend", {
      form: { email, csrfToken, callbackUrl: "/dashboard" },
      headers: through(n % 2),
      maxRedirects: 0,
    });
    expect(asked.headers().location).toContain("/verify-request");
    const link = new URL(linkIn(await latestEmailTo(email), APP_URL));
    const callback = await visitor.post(`/api/auth/callback/resend${link.search}`, {
      headers: through((n + 1) % 2),
      maxRedirects: 0,
    });
    const me = await visitor.get("/api/protected/me");
    const outcome = {
      served: [servedBy(asked), servedBy(callback)],
      callback: `${callback.status()} ${callback.headers().location}`,
      me: me.status() === 200 ? ((await me.json()) as { user: { email: string } }).user.email : me.status(),
    };
    await visitor.dispose();
    return { email, ...outcome };
  };

  const outcomes = await Promise.all(Array.from({ length: USERS }, (_, n) => signIn(n)));
  for (const [n, outcome] of outcomes.entries()) {
    expect(outcome).toEqual({
      email: outcome.email,
      served: [n % 2, (n + 1) % 2],
      callback: `302 ${APP_URL}/dashboard`,
      me: outcome.email,
    });
  }
});
