import { performance } from "node:perf_hooks";
import { uniqueEmail } from "../support/random";
import { TIMING_APP_PORT, TIMING_DATABASE_PORT } from "../e2e/env";
import { createAccount, createSessionToken } from "../e2e/support/accounts";
import { db } from "../e2e/support/db";
import { STRONG_PASSWORD } from "../e2e/support/flows";
import { gatedServer } from "../e2e/support/gated-server";
import { emailsTo } from "../e2e/support/mail";
import { expect, test } from "../e2e/support/test";
import { Attacker, randomLoopbackAddress, type Reply } from "./support/attacker";

/**
 * Attack: tell which addresses have an account from how long the answer takes. The mail already
 * goes out after the response (slow-mail-timing.spec.ts); what is left is database work only an
 * existing (or only an unknown) address costs: a token transaction, an account INSERT, a security-log
 * row. On a managed PostgreSQL each statement is a round trip of several milliseconds, and an
 * attacker who times a few requests per address reads the difference.
 *
 * A second server of the same build reaches PostgreSQL through a gate that delays every round trip
 * by ROUND_TRIP_MS, so one statement more on one path is a difference far above the machine's noise.
 * Each door is asked for an existing and an unknown address in turns, one request at a time, each
 * from a fresh client address; the median of the pairs' differences must be under half a round
 * trip. (`npm test` runs this spec alone, after the other suites: their CPU use is noise here.) Measured on
 * a 2-core machine (median ms, existing vs unknown address), before the fix: forgot password 955 vs
 * 538, resend verification 1053 vs 532, sign-up 767 vs 1395, email change 961 vs 1375, wrong password
 * 1276 vs 1174; after: 425 vs 433, 425 vs 426, 661 vs 655, 860 vs 860, 1180 vs 1171.
 * (PostgreSQL only: a SQLite file has no round trips to time.)
 */
const ROUND_TRIP_MS = 100;
const PAIRS = 7;

const server = gatedServer({ appPort: TIMING_APP_PORT, databasePort: TIMING_DATABASE_PORT, delayMs: ROUND_TRIP_MS });
const ORIGIN = server.origin;
/** The Host a browser on ORIGIN sends (the connection itself goes to 127.0.0.1). */
const HOST = { host: `localhost:${TIMING_APP_PORT}` };

test.describe.configure({ mode: "serial" });

test.beforeAll(() => server.start());
test.afterAll(() => server.stop());

/** A visitor of its own (a fresh client address, so per-IP limits never decide the timing). */
const visitor = () => new Attacker(randomLoopbackAddress(), { port: TIMING_APP_PORT, origin: ORIGIN });

/** One question to the app: `send` is what is timed; `settled` waits for the work after the response. */
interface Question {
  send: () => Promise<Reply>;
  answered: (reply: Reply) => void;
  settled?: () => Promise<unknown>;
}

/**
 * The fields a browser without JavaScript posts for the page's form that contains `marker`: the
 * server action's hidden fields as rendered, plus `fields`.
 */
async function serverActionForm(
  client: Attacker,
  path: string,
  marker: string,
  fields: Record<string, string>,
): Promise<() => Promise<Reply>> {
  const page = await client.get(path, HOST);
  expect(page.status).toBe(200);
  const form = page.body.split("<form").find((chunk) => chunk.includes(marker));
  expect(form, `a form with ${marker} on ${path}`).toBeDefined();
  const data = new FormData();
  for (const [, name, value] of form!.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)) {
    data.append(name!, unescapeHtml(value ?? ""));
  }
  expect([...data.keys()].length, `the server action's fields on ${path}`).toBeGreaterThan(0);
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  const request = new Request(ORIGIN, { method: "POST", body: data });
  const body = await request.text();
  const type = request.headers.get("content-type");
  return () => client.postRaw(path, body, type, HOST);
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(question: Question): Promise<number> {
  const started = performance.now();
  const reply = await question.send();
  const elapsed = performance.now() - started;
  question.answered(reply);
  await question.settled?.();
  return elapsed;
}

/**
 * Asks `ask("existing")` and `ask("unknown")` in turns (one pair first to warm the pool up, not
 * counted), and compares them pair by pair: the two of a pair ran moments apart, on a machine as
 * busy for one as for the other.
 */
async function compareMedians(door: string, ask: (kind: "existing" | "unknown") => Promise<Question>) {
  const times = { existing: [] as number[], unknown: [] as number[] };
  for (let pair = -1; pair < PAIRS; pair++) {
    const order = pair % 2 === 0 ? (["existing", "unknown"] as const) : (["unknown", "existing"] as const);
    for (const kind of order) {
      const elapsed = await timed(await ask(kind));
      if (pair >= 0) times[kind].push(elapsed);
    }
  }
  const [existing, unknown] = [median(times.existing), median(times.unknown)];
  const difference = median(times.existing.map((time, pair) => time - times.unknown[pair]!));
  console.log(
    `${door}: median ${existing.toFixed(0)} ms for an existing address, ${unknown.toFixed(0)} ms for an unknown one; median difference ${difference.toFixed(0)} ms`,
  );
  expect(Math.abs(difference), `${door}: ${existing.toFixed(0)} vs ${unknown.toFixed(0)} ms`).toBeLessThan(
    ROUND_TRIP_MS / 2,
  );
}

const redirectsTo = (location: string) => (reply: Reply) => {
  expect(reply.status).toBe(303);
  expect(reply.location).toBe(location);
};

/** The job after the response has run once the address's mail has arrived. */
const mailArrives = (email: string) => () => expect.poll(async () => (await emailsTo(email)).length).toBe(1);

test("forgot password", async () => {
  await compareMedians("forgot password", async (kind) => {
    const email = kind === "existing" ? (await createAccount()).email : uniqueEmail("nobody");
    return {
      send: await serverActionForm(visitor(), "/forgot-password", 'name="email"', { email }),
      answered: redirectsTo("/forgot-password?sent=1"),
      settled: kind === "existing" ? mailArrives(email) : undefined,
    };
  });
});

test("resend verification", async () => {
  await compareMedians("resend verification", async (kind) => {
    const email = kind === "existing" ? (await createAccount({ verified: false })).email : uniqueEmail("nobody");
    return {
      send: await serverActionForm(visitor(), "/verify-email", "Resend the confirmation email", { email }),
      answered: redirectsTo("/verify-email?resent=1"),
      settled: kind === "existing" ? mailArrives(email) : undefined,
    };
  });
});

test("sign-up", async () => {
  await compareMedians("sign-up", async (kind) => {
    const email = kind === "existing" ? (await createAccount()).email : uniqueEmail("fresh");
    return {
      send: await serverActionForm(visitor(), "/sign-up", 'name="password"', { email, password: STRONG_PASSWORD }),
      answered: redirectsTo("/verify-email"),
      // Either way one email goes out: "you already have an account", or the confirmation.
      settled: mailArrives(email),
    };
  });
});

test("email change", async () => {
  await compareMedians("email change", async (kind) => {
    const account = await createAccount();
    const newEmail = kind === "existing" ? (await createAccount()).email : uniqueEmail("new-address");
    const client = visitor();
    client.cookies.set("authjs.session-token", await createSessionToken(account.id));
    return {
      send: await serverActionForm(client, "/account", 'name="newEmail"', { newEmail }),
      answered: (reply) => {
        expect(reply.status).toBe(200);
        expect(reply.body).toContain("we sent it a confirmation link");
      },
      settled: kind === "unknown" ? mailArrives(newEmail) : undefined,
    };
  });
});

test("wrong password", async () => {
  await compareMedians("wrong password", async (kind) => {
    const account = kind === "existing" ? await createAccount() : null;
    const email = account?.email ?? uniqueEmail("nobody");
    const client = visitor();
    const csrfToken = (JSON.parse((await client.get("/api/auth/csrf", HOST)).body) as { csrfToken: string }).csrfToken;
    const fields: Array<[string, string]> = [
      ["email", email],
      ["password", "not-the-password-at-all"],
      ["csrfToken", csrfToken],
      ["callbackUrl", "/dashboard"],
    ];
    return {
      send: () => client.post("/api/auth/callback/credentials", fields, HOST),
      answered: (reply) => {
        expect(reply.status).toBe(302);
        expect(reply.location).toContain("error=CredentialsSignin");
      },
      settled: account
        ? () =>
            expect.poll(() => db.securityEvent.count({ where: { userId: account.id, type: "sign-in-failed" } })).toBe(1)
        : undefined,
    };
  });
});
