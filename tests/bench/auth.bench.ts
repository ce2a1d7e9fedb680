import { afterAll, beforeAll, bench, describe } from "vitest";
import { db } from "@/server/db";
import { estimateStrength } from "@/lib/password-strength";
import { hashPassword, verifyPassword } from "@/server/security/password-hashing";
import { limitSecretTry } from "@/server/security/limits";
import { AuthClient } from "../support/auth-requests";
import { createUser, uniqueEmail } from "../support/users";

/**
 * `npm run bench`: what the expensive steps cost on this machine (real SQLite file, real Auth.js
 * handlers). Numbers to watch, not assertions.
 */
const PASSWORD = "bench-password-passphrase";
let hash = "";
let sessionClient: AuthClient;
// Many accounts, so the per-address sign-in limit never cuts a timed run short.
const emails: string[] = [];
let next = 0;

beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
  for (let i = 0; i < 200; i++) {
    const email = uniqueEmail("bench");
    await db.user.create({ data: { email, passwordHash: hash, emailVerified: new Date() } });
    emails.push(email);
  }
  const user = await createUser({ password: PASSWORD });
  sessionClient = new AuthClient();
  await sessionClient.signInWithPassword(user.email, PASSWORD);
});

afterAll(() => {
  const { rss, heapUsed } = process.memoryUsage();
  console.log(
    `[bench] memory after the runs: rss ${(rss / 2 ** 20).toFixed(0)} MiB, heap ${(heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
});

describe("passwords", () => {
  bench(
    "argon2id hash (19 MiB, t=2)",
    async () => {
      await hashPassword(PASSWORD);
    },
    { iterations: 20 },
  );

  bench(
    "argon2id verify",
    async () => {
      await verifyPassword(hash, PASSWORD);
    },
    { iterations: 20 },
  );

  bench(
    "strength estimate (zxcvbn-ts)",
    () => {
      estimateStrength("plinth marigold quartz lantern", ["ada@example.com", "Ada Lovelace"]);
    },
    { iterations: 50 },
  );
});

describe("requests through the Auth.js handlers", () => {
  bench(
    "password sign-in (CSRF + argon2 + session row)",
    async () => {
      const response = await new AuthClient().signInWithPassword(emails[next++ % emails.length]!, PASSWORD);
      if (response.headers.get("location")?.includes("error")) throw new Error("sign-in failed during the benchmark");
    },
    { iterations: 15 },
  );

  bench(
    "session lookup (/api/auth/session)",
    async () => {
      await sessionClient.get("/api/auth/session");
    },
    { iterations: 100 },
  );

  bench(
    "rate-limit check (database store)",
    async () => {
      await limitSecretTry({ kind: "code", email: uniqueEmail("bench"), ip: "10.250.250.250" });
    },
    { iterations: 100 },
  );
});
