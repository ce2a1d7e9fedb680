import { describe, expect, it } from "vitest";
import { signSessionHeader, verifySessionHeader } from "@/server/sessions/header";
import { readSession } from "@/server/sessions/read";
import { db } from "@/server/db";
import { SESSION_LIFETIME } from "@/server/sessions/lifetime";
import { generateToken, hashToken } from "@/server/security/secrets";
import { AuthClient } from "../support/auth-requests";
import { DAY, sessionFor } from "../support/sessions";
import { countStatements } from "../support/sql-statements";
import { createUser } from "../support/users";

const info = { ipAddress: "203.0.113.9", userAgent: "UA one" };

describe("the one session read (middleware)", () => {
  it("costs one statement, the session and its user together, when nothing is due", async () => {
    const user = await createUser({ name: "Ada" });
    const { token, id } = await sessionFor(user.id, { seenMs: 0 });
    let read: Awaited<ReturnType<typeof readSession>> = null;
    const sql = await countStatements(async () => {
      read = await readSession(token, info);
    });
    expect(sql).toHaveLength(1);
    expect(sql[0]).toMatch(/JOIN "User"/);
    expect(read!.session).toMatchObject({ id, method: "credentials", userId: user.id });
    expect(read!.user).toMatchObject({ id: user.id, email: user.email, name: "Ada" });
    expect(read!.refreshedExpires).toBeNull();
  });

  it("costs two when the minute is up: activity is recorded in one UPDATE", async () => {
    const user = await createUser();
    const { token, id } = await sessionFor(user.id, { seenMs: 61_000 });
    const sql = await countStatements(() => readSession(token, info));
    expect(sql, sql.join("\n")).toHaveLength(2);
    expect(await db.session.findUniqueOrThrow({ where: { id } })).toMatchObject(info);
    // Within the minute again: one statement, nothing written.
    expect(
      await countStatements(() => readSession(token, { ipAddress: "198.51.100.1", userAgent: "UA two" })),
    ).toHaveLength(1);
    expect(await db.session.findUniqueOrThrow({ where: { id } })).toMatchObject(info);
  });

  it("costs two when the hour is up: the expiry moves forward (and activity with it, in the same UPDATE)", async () => {
    const user = await createUser();
    const { token, id } = await sessionFor(user.id, {
      ageMs: 2 * DAY,
      idleMs: 2 * 60 * 60 * 1000,
      seenMs: 2 * 60 * 60 * 1000,
    });
    let read: Awaited<ReturnType<typeof readSession>> = null;
    const sql = await countStatements(async () => {
      read = await readSession(token, info);
    });
    expect(sql).toHaveLength(2);
    expect(read!.refreshedExpires!.getTime()).toBeGreaterThan(
      Date.now() + SESSION_LIFETIME.idleSeconds * 1000 - 60_000,
    );
    const row = await db.session.findUniqueOrThrow({ where: { id } });
    expect(row.expires.getTime()).toBe(read!.refreshedExpires!.getTime());
    expect(row.ipAddress).toBe(info.ipAddress);
  });

  it("never issues a statement that matches nothing: an unknown token costs one read", async () => {
    expect(await countStatements(() => readSession(generateToken(), info))).toHaveLength(1);
  });
});

describe("the same answers as Auth.js's own session endpoint", () => {
  async function authJsSession(token: string) {
    const client = new AuthClient();
    client.cookies.set("authjs.session-token", token);
    return (await client.get("/api/auth/session")).json() as Promise<{
      user?: { id: string };
      sessionId?: string;
    } | null>;
  }

  it.each([
    ["active", { ageMs: 2 * DAY, idleMs: 2 * 60 * 60 * 1000 }, true],
    ["unused for longer than the idle timeout", { ageMs: 8 * DAY, idleMs: 8 * DAY }, false],
    ["older than the absolute lifetime, however active", { ageMs: 31 * DAY, idleMs: 0 }, false],
  ])("%s: both accept, or both refuse (and delete)", async (_label, age, accepted) => {
    const user = await createUser();
    const ours = await sessionFor(user.id, age);
    const theirs = await sessionFor(user.id, age);
    const read = await readSession(ours.token, info);
    const authJs = await authJsSession(theirs.token);
    expect(Boolean(read)).toBe(accepted);
    expect(Boolean(authJs?.user)).toBe(accepted);
    if (accepted) {
      expect(read!.user.id).toBe(authJs!.user!.id);
      // Both moved the expiry forward by the idle timeout, capped by the absolute lifetime.
      const [a, b] = await Promise.all([
        db.session.findUniqueOrThrow({ where: { id: ours.id } }),
        db.session.findUniqueOrThrow({ where: { id: theirs.id } }),
      ]);
      expect(Math.abs(a.expires.getTime() - b.expires.getTime())).toBeLessThan(60_000);
    } else {
      expect(await db.session.count({ where: { id: { in: [ours.id, theirs.id] } } })).toBe(0);
    }
  });

  it("near the absolute lifetime both cap the refreshed expiry at it", async () => {
    const user = await createUser();
    const age = { ageMs: 29.9 * DAY, idleMs: 2 * 60 * 60 * 1000 };
    const ours = await sessionFor(user.id, age);
    const theirs = await sessionFor(user.id, age);
    await readSession(ours.token, info);
    await authJsSession(theirs.token);
    const [a, b] = await Promise.all([
      db.session.findUniqueOrThrow({ where: { id: ours.id } }),
      db.session.findUniqueOrThrow({ where: { id: theirs.id } }),
    ]);
    const absolute = (row: { createdAt: Date }) => row.createdAt.getTime() + SESSION_LIFETIME.absoluteSeconds * 1000;
    expect(a.expires.getTime()).toBe(absolute(a));
    expect(b.expires.getTime()).toBe(absolute(b));
  });

  it("a revoked session is refused on the very next read", async () => {
    const user = await createUser();
    const { token, id } = await sessionFor(user.id, { seenMs: 0 });
    expect(await readSession(token, info)).not.toBeNull();
    await db.session.delete({ where: { id } });
    expect(await readSession(token, info)).toBeNull();
  });
});

describe("the signed session header", () => {
  const session = {
    expires: new Date(Date.now() + DAY).toISOString(),
    method: "credentials",
    sessionId: "s1",
    authenticatedAt: new Date().toISOString(),
    secondFactorPending: false,
    user: { id: "u1", name: null, email: "ada@example.com", image: null, role: "user" },
  };

  it("carries the session for the cookie it was made for", () => {
    const cookie = generateToken();
    expect(verifySessionHeader(signSessionHeader(session, cookie), cookie)).toEqual(session);
  });

  it("a header written by anyone else (unsigned, or re-signed with another key) yields no session", () => {
    const cookie = generateToken();
    const forged = Buffer.from(JSON.stringify({ session, cookie: hashToken(cookie), issuedAt: Date.now() })).toString(
      "base64url",
    );
    expect(verifySessionHeader(forged, cookie)).toBeNull();
    expect(verifySessionHeader(`${forged}.${"A".repeat(43)}`, cookie)).toBeNull();
    const genuine = signSessionHeader(session, cookie);
    const tampered = `${Buffer.from(JSON.stringify({ session: { ...session, user: { ...session.user, id: "u2" } }, cookie: hashToken(cookie), issuedAt: Date.now() })).toString("base64url")}.${genuine.split(".")[1]}`;
    expect(verifySessionHeader(tampered, cookie)).toBeNull();
  });

  it("a genuine header replayed with another session's cookie, or without one, yields no session", () => {
    const genuine = signSessionHeader(session, generateToken());
    expect(verifySessionHeader(genuine, generateToken())).toBeNull();
    expect(verifySessionHeader(genuine, undefined)).toBeNull();
  });

  it("a genuine header replayed later yields no session", () => {
    const cookie = generateToken();
    const header = signSessionHeader(session, cookie, Date.now() - 2 * 60_000);
    expect(verifySessionHeader(header, cookie)).toBeNull();
  });
});
