import { describe, expect, it } from "vitest";
import { cleanupExpiredRecords } from "@/server/cleanup";
import { db } from "@/server/db";
import { revokeOtherSessions, revokeSession } from "@/server/sessions/store";
import { SESSION_LIFETIME } from "@/server/sessions/lifetime";
import { AuthClient } from "../support/auth-requests";
import { DAY, sessionFor } from "../support/sessions";
import { createUser, uniqueEmail } from "../support/users";

async function sessionResponse(token: string) {
  const client = new AuthClient();
  client.cookies.set("authjs.session-token", token);
  return (await client.get("/api/auth/session")).json() as Promise<{ user?: { id: string } } | null>;
}

describe("session lifetime", () => {
  it("an active session is accepted and its expiry pushed forward by the idle timeout", async () => {
    const user = await createUser();
    const { token, id } = await sessionFor(user.id, { ageMs: 2 * DAY, idleMs: 2 * DAY });
    expect((await sessionResponse(token))?.user?.id).toBe(user.id);
    const { expires } = await db.session.findUniqueOrThrow({ where: { id } });
    expect(expires.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME.idleSeconds * 1000 - 60_000);
  });

  it("a session unused for longer than the idle timeout is refused and deleted", async () => {
    const user = await createUser();
    const { token, id } = await sessionFor(user.id, { ageMs: 8 * DAY, idleMs: 8 * DAY });
    expect(await sessionResponse(token)).toBeNull();
    expect(await db.session.count({ where: { id } })).toBe(0);
  });

  it("a session older than the absolute lifetime is refused however active it is", async () => {
    const user = await createUser();
    const { token, id } = await sessionFor(user.id, { ageMs: 31 * DAY, idleMs: 0 });
    expect(await sessionResponse(token)).toBeNull();
    expect(await db.session.count({ where: { id } })).toBe(0);
  });

  it("a refresh never pushes expiry past the absolute lifetime", async () => {
    const user = await createUser();
    const { token, id } = await sessionFor(user.id, { ageMs: 29 * DAY, idleMs: 2 * DAY });
    expect((await sessionResponse(token))?.user?.id).toBe(user.id);
    const row = await db.session.findUniqueOrThrow({ where: { id } });
    expect(row.expires.getTime()).toBeLessThanOrEqual(
      row.createdAt.getTime() + SESSION_LIFETIME.absoluteSeconds * 1000,
    );
  });
});

describe("revoking sessions", () => {
  it("revoke-others keeps the current session and ends the rest", async () => {
    const user = await createUser();
    const current = await sessionFor(user.id);
    const other = await sessionFor(user.id);
    const third = await sessionFor(user.id);
    expect(await revokeOtherSessions(user.id, current.id)).toBe(2);
    expect((await sessionResponse(current.token))?.user?.id).toBe(user.id);
    expect(await sessionResponse(other.token)).toBeNull();
    expect(await sessionResponse(third.token)).toBeNull();
  });

  it("a user can end only their own sessions", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const session = await sessionFor(owner.id);
    expect(await revokeSession(stranger.id, session.id)).toBe(false);
    expect(await revokeSession(owner.id, session.id)).toBe(true);
    expect(await sessionResponse(session.token)).toBeNull();
  });
});

describe("cleanup", () => {
  it("removes expired sessions and tokens and security events past retention, and keeps the rest", async () => {
    const user = await createUser();
    const live = await sessionFor(user.id);
    const idle = await sessionFor(user.id, { ageMs: 9 * DAY, idleMs: 9 * DAY });
    const old = await db.securityEvent.create({
      data: { userId: user.id, type: "sign-in", createdAt: new Date(Date.now() - 91 * DAY) },
    });
    const recent = await db.securityEvent.create({ data: { userId: user.id, type: "sign-in" } });

    const removed = await cleanupExpiredRecords();
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    expect(await db.session.count({ where: { id: live.id } })).toBe(1);
    expect(await db.session.count({ where: { id: idle.id } })).toBe(0);
    expect(await db.securityEvent.count({ where: { id: old.id } })).toBe(0);
    expect(await db.securityEvent.count({ where: { id: recent.id } })).toBe(1);
  });

  it("removes expired sign-in codes and keeps live ones", async () => {
    const [expired, live] = [uniqueEmail("code-expired"), uniqueEmail("code-live")];
    const row = (identifier: string, expiresInMs: number) => ({
      identifier,
      codeHash: "h",
      tokenHash: `t-${identifier}`,
      expires: new Date(Date.now() + expiresInMs),
    });
    await db.signInCode.createMany({ data: [row(expired, -60_000), row(live, 10 * 60_000)] });
    const removed = await cleanupExpiredRecords();
    expect(removed.signInCodes).toBeGreaterThanOrEqual(1);
    expect(await db.signInCode.count({ where: { identifier: expired } })).toBe(0);
    expect(await db.signInCode.count({ where: { identifier: live } })).toBe(1);
  });
});
