import { describe, expect, it } from "vitest";
import { resendVerification } from "@/server/account/email-verification";
import { registerWithPassword } from "@/server/account/sign-up";
import { db } from "@/server/db";
import { listOutbox } from "@/server/mail/outbox";
import { requestPasswordReset } from "@/server/account/password-reset";
import { AuthClient } from "../support/auth-requests";
import { countStatements } from "../support/sql-statements";
import { createUser, uniqueEmail } from "../support/users";

/** What a response tells the caller: status, where it sends them, which cookies it sets. */
async function observable(response: Response) {
  const location = response.headers.get("location");
  const cookies = response.headers
    .getSetCookie()
    .map((c) => c.split("=")[0])
    .sort();
  return { status: response.status, location, cookies, body: await response.text() };
}

async function subjectsTo(email: string): Promise<string[]> {
  return (await listOutbox(500)).filter((m) => m.to === email).map((m) => m.subject);
}

describe("no user enumeration", () => {
  it("password sign-in: an unknown address and a wrong password get the same response", async () => {
    const user = await createUser({ password: "the-right-passphrase" });
    const known = await new AuthClient().signInWithPassword(user.email, "a-wrong-passphrase");
    const unknown = await new AuthClient().signInWithPassword(uniqueEmail("nobody"), "a-wrong-passphrase");
    const [a, b] = [await observable(known), await observable(unknown)];
    expect(b).toEqual(a);
    expect(a.location).toBe("http://localhost:3000/sign-in?error=CredentialsSignin&code=invalid_credentials");
    expect(a.cookies).not.toContain("authjs.session-token");
  });

  it("magic link: an existing and an unknown address get the same response", async () => {
    const user = await createUser();
    const send = async (email: string) => {
      const client = new AuthClient();
      const csrfToken = await client.csrfToken();
      return observable(await client.post("/api/auth/signin/resend", { email, csrfToken, callbackUrl: "/dashboard" }));
    };
    const [a, b] = [await send(user.email), await send(uniqueEmail("nobody"))];
    expect(b).toEqual(a);
    expect(a.location).toBe("http://localhost:3000/api/auth/verify-request?provider=resend&type=email");
  });

  it("sign-up: an existing address gets the same answer, no new account, and an 'already have an account' email", async () => {
    const user = await createUser({ password: "original-owner-passphrase" });
    const fresh = uniqueEmail("fresh");
    // Before its response the action awaits the password's hash and no SQL at all, whichever the
    // address; the job it runs after the response looks the address up. Run the jobs here.
    const jobs: Array<() => Promise<void>> = [];
    for (const email of [user.email, fresh]) {
      const sql = await countStatements(async () =>
        jobs.push(await registerWithPassword({ email, password: "another-strong-passphrase" })),
      );
      expect(sql).toEqual([]);
    }
    for (const job of jobs) await job();

    expect(await db.user.count({ where: { email: user.email } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
    expect(await subjectsTo(user.email)).toEqual(["You already have a Gatehouse account"]);
    expect(await subjectsTo(fresh)).toEqual(["Confirm your email for Gatehouse"]);
  });

  it("forgot password: the same answer; only an existing account gets an email", async () => {
    const user = await createUser();
    const nobody = uniqueEmail("nobody");
    // The lookup is the job's (after the response): the awaited part costs nothing for either.
    await requestPasswordReset(user.email)();
    await requestPasswordReset(nobody)();
    expect(await subjectsTo(user.email)).toEqual(["Reset your Gatehouse password"]);
    expect(await subjectsTo(nobody)).toEqual([]);
  });

  it("resend verification: the same answer; only an unconfirmed password account gets an email", async () => {
    const unconfirmed = await createUser({ verified: false, password: "waiting-to-confirm-this" });
    const confirmed = await createUser({ verified: true, password: "already-confirmed-this" });
    const nobody = uniqueEmail("nobody");
    for (const email of [unconfirmed.email, confirmed.email, nobody]) await resendVerification(email)();
    expect(await subjectsTo(unconfirmed.email)).toEqual(["Confirm your email for Gatehouse"]);
    expect(await subjectsTo(confirmed.email)).toEqual([]);
    expect(await subjectsTo(nobody)).toEqual([]);
  });
});

describe("rate limits on Auth.js's own endpoints", () => {
  it("a magic-link POST over the per-address limit gets 429 with Retry-After and sends nothing", async () => {
    const email = uniqueEmail("flood");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const client = new AuthClient();
      const csrfToken = await client.csrfToken();
      const response = await client.post(
        "/api/auth/signin/resend",
        { email, csrfToken, callbackUrl: "/dashboard" },
        { "x-forwarded-for": `10.77.0.${i + 1}` },
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(await response.json()).toMatchObject({ error: "rate_limited" });
      }
    }
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429]);
    expect(await subjectsTo(email)).toHaveLength(5);
  });
});

describe("rate limits on the password endpoint", () => {
  it("after a lockout, the API answers 429 with Retry-After, for a real and an unknown address alike", async () => {
    const user = await createUser({ password: "the-real-passphrase" });
    for (const email of [user.email, uniqueEmail("ghost")]) {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const response = await new AuthClient().signInWithPassword(email, `wrong-${i}`);
        statuses.push(response.status);
        if (response.status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([...Array(10).fill(302), 429]);
    }
  });
});
