import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { appEnv, SQL_LOG_PORT } from "./env";
import { db, writeWithRetry } from "./support/db";
import { uniqueEmail } from "./support/flows";
import { expect, test } from "./support/test";

/**
 * A signed-in request costs one SQL statement: the session and its user, read together once by
 * middleware and handed to the page, route handler or server action. Counted on a second
 * server (`npm start`) of the same build, with LOG_SQL=on so it prints every statement it runs.
 */
const PORT = SQL_LOG_PORT;
const ORIGIN = `http://localhost:${PORT}`;

// One server for this file's tests: they run in order, in one worker.
test.describe.configure({ mode: "default" });

let server: ChildProcess;
const lines: string[] = [];

test.beforeAll(async () => {
  server = spawn("node", ["scripts/start.mjs"], {
    env: { ...process.env, ...appEnv, AUTH_URL: ORIGIN, PORT: String(PORT), HOSTNAME: "0.0.0.0", LOG_SQL: "on" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let buffered = "";
  server.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const complete = buffered.split("\n");
    buffered = complete.pop() ?? "";
    lines.push(...complete);
  });
  await expect.poll(() => lines.some((line) => line.includes("Ready")), { timeout: 60_000 }).toBe(true);
  // The first request finishes start-up (instrumentation prepares the database): not counted.
  await fetch(`${ORIGIN}/`);
});

test.afterAll(() => {
  server.kill("SIGTERM");
});

/** The SQL statements the server ran while `request` ran. */
async function statementsDuring(request: () => Promise<unknown>): Promise<string[]> {
  const start = lines.length;
  await request();
  // The response is on its way only after its statements ran; give their log lines a moment.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return lines.slice(start).filter((line) => line.startsWith("[sql]"));
}

/** A signed-in user: the rows and the cookie, written directly (this test is not about signing in). */
async function signedInUser(session: { lastSeenAgoMs?: number; refreshedAgoMs?: number } = {}) {
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  const user = await writeWithRetry(() =>
    db.user.create({ data: { email: uniqueEmail("one-lookup"), emailVerified: new Date() } }),
  );
  const row = await writeWithRetry(() =>
    db.session.create({
      data: {
        userId: user.id,
        sessionToken: createHash("sha256").update(token).digest("hex"),
        method: "resend",
        lastSeenAt: new Date(now - (session.lastSeenAgoMs ?? 0)),
        expires: new Date(now - (session.refreshedAgoMs ?? 0) + 7 * 24 * 60 * 60 * 1000),
      },
    }),
  );
  return { token, user, row, cookie: `authjs.session-token=${token}` };
}

const get = (path: string, cookie: string) => fetch(`${ORIGIN}${path}`, { headers: { cookie }, redirect: "manual" });

test("a page costs one statement", async () => {
  const { cookie, user } = await signedInUser();
  let status = 0;
  const sql = await statementsDuring(async () => {
    const response = await get("/dashboard", cookie);
    status = response.status;
    expect(await response.text()).toContain(user.email);
  });
  expect(status).toBe(200);
  expect(sql, sql.join("\n")).toHaveLength(1);
  expect(sql[0]).toContain('JOIN "User"');
});

test("an API route costs one statement", async () => {
  const { cookie, user } = await signedInUser();
  const sql = await statementsDuring(async () => {
    const response = await get("/api/protected/me", cookie);
    expect(((await response.json()) as { user: { id: string } }).user.id).toBe(user.id);
  });
  expect(sql, sql.join("\n")).toHaveLength(1);
});

test("a server action costs one statement", async ({ browser }) => {
  const { token } = await signedInUser();
  // Without JavaScript the form posts as a plain form: one request, nothing prefetched.
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: ORIGIN });
  await context.addCookies([{ name: "authjs.session-token", value: token, url: ORIGIN }]);
  const page = await context.newPage();
  await page.goto("/account", { waitUntil: "networkidle" });
  // "Connect GitHub": an action that reads the session and redirects to GitHub, touching no table itself.
  const sql = await statementsDuring(async () => {
    await page.getByRole("button", { name: "Connect GitHub" }).click();
    await expect(page.getByRole("heading", { name: "Fake GitHub" })).toBeVisible();
  });
  expect(sql, sql.join("\n")).toHaveLength(1);
  await context.close();
});

test("an org page costs one statement more: the user's memberships, which answer the URL's organization", async () => {
  const { cookie, user } = await signedInUser();
  const org = await writeWithRetry(() =>
    db.organization.create({
      data: { name: "Counted", slug: `counted-${randomBytes(4).toString("hex")}` },
      select: { id: true, slug: true },
    }),
  );
  await writeWithRetry(() =>
    db.membership.create({ data: { organizationId: org.id, userId: user.id, role: "owner" } }),
  );
  // The first visit remembers the organization for /orgs: one UPDATE, once.
  const first = await statementsDuring(() => get(`/orgs/${org.slug}`, cookie));
  expect(
    first.filter((line) => /UPDATE \S*User/.test(line)),
    first.join("\n"),
  ).toHaveLength(1);

  let status = 0;
  const sql = await statementsDuring(async () => {
    const response = await get(`/orgs/${org.slug}`, cookie);
    status = response.status;
    expect(await response.text()).toContain("Counted");
  });
  expect(status).toBe(200);
  // The session read, the memberships read (layout and page share it), and the page's own member count.
  expect(sql, sql.join("\n")).toHaveLength(3);
  expect(sql[0]).toContain('JOIN "User"');
  expect(sql[1]).toMatch(/FROM "Membership" m\s+JOIN "Organization" o/);
  expect(sql[2]).toMatch(/COUNT/i);
});

test("two when the minute is up (activity), two when the hour is up (expiry, and the cookie with it)", async () => {
  const stale = await signedInUser({ lastSeenAgoMs: 2 * 60_000 });
  const activity = await statementsDuring(() => get("/api/protected/me", stale.cookie));
  expect(activity, activity.join("\n")).toHaveLength(2);
  expect(activity[1]).toMatch(/^\[sql\] .*UPDATE "Session"/);
  expect(await statementsDuring(() => get("/api/protected/me", stale.cookie))).toHaveLength(1);

  const old = await signedInUser({ refreshedAgoMs: 2 * 60 * 60_000 });
  let setCookie = "";
  const refresh = await statementsDuring(async () => {
    setCookie = (await get("/api/protected/me", old.cookie)).headers.get("set-cookie") ?? "";
  });
  expect(refresh, refresh.join("\n")).toHaveLength(2);
  expect(setCookie).toContain(`authjs.session-token=${old.token}`);
  const row = await db.session.findUniqueOrThrow({ where: { id: old.row.id } });
  expect(row.expires.getTime()).toBeGreaterThan(old.row.expires.getTime());
});

test("a session deleted elsewhere is refused on the next request", async () => {
  const { cookie, row } = await signedInUser();
  expect((await get("/api/protected/me", cookie)).status).toBe(200);
  await writeWithRetry(() => db.session.delete({ where: { id: row.id } }));
  expect((await get("/api/protected/me", cookie)).status).toBe(401);
});

test("a session header sent from outside never becomes a session", async () => {
  const { cookie, user } = await signedInUser();
  const forged = `${Buffer.from(JSON.stringify({ session: { user: { id: user.id, email: user.email } } })).toString("base64url")}.AAAA`;
  // The landing page is public and shows who is signed in: a forged header alone signs nobody in.
  const alone = await (await fetch(`${ORIGIN}/`, { headers: { "x-gatehouse-session": forged } })).text();
  expect(alone).toContain("Create an account");
  expect(alone).not.toContain("Go to your dashboard");
  // Alongside a real cookie the forged header is dropped, and the real session is used.
  const mixed = await (await fetch(`${ORIGIN}/`, { headers: { cookie, "x-gatehouse-session": forged } })).text();
  expect(mixed).toContain("Go to your dashboard");
});
