import { describe, expect, it } from "vitest";
import { banUser, unbanUser } from "@/server/admin/bans";
import { changePlatformRole } from "@/server/admin/roles";
import { endUserSessions, revokeUserApiTokens } from "@/server/admin/sessions";
import { createApiToken } from "@/server/api-tokens/manage";
import { startSupportAccess } from "@/server/admin/support-access";
import { listUsers } from "@/server/admin/users";
import { markAuthenticated } from "@/server/auth/step-up";
import { SUPPORT_ACCESS_SECONDS } from "@/server/sessions/lifetime";
import { listSessions } from "@/server/sessions/store";
import { db } from "@/server/db";
import { readSession } from "@/server/sessions/read";
import { createAdmin } from "../support/admins";
import { sessionFor } from "../support/sessions";
import { countStatements } from "../support/sql-statements";
import { createUser } from "../support/users";

const securityLog = async (userId: string) =>
  (await db.securityEvent.findMany({ where: { userId }, select: { type: true } })).map((e) => e.type);
const adminAudit = (target: string) =>
  db.auditEvent.findMany({ where: { target, organizationId: null }, select: { action: true, actorId: true } });

describe("platform admin", () => {
  it("an admin revokes every API token of a user: gone at once, audited, in the user's log; a non-admin can't", async () => {
    const admin = await createAdmin();
    const user = await createUser();
    const stranger = await createUser();
    for (const name of ["CI", "Laptop"]) {
      const made = await createApiToken(user, {
        name,
        scopes: ["profile:read"],
        expiresAt: new Date(Date.now() + 86_400_000),
        orgSlug: null,
      });
      expect(made.ok).toBe(true);
    }
    expect(await revokeUserApiTokens(stranger.id, user.id)).toBe("not-admin");
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(2);
    expect(await revokeUserApiTokens(admin.id, user.id)).toEqual({ revoked: 2 });
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await adminAudit(user.id)).toEqual([{ action: "user.api-tokens-revoked", actorId: admin.id }]);
    expect(await securityLog(user.id)).toContain("api-tokens-revoked-by-admin");
    expect(await revokeUserApiTokens(admin.id, "no-such-user")).toBe("not-found");
  });

  it("a ban ends every session at once, is audited, and the user's own log says so", async () => {
    const admin = await createAdmin();
    const user = await createUser();
    const first = await sessionFor(user.id);
    await sessionFor(user.id);
    expect(await banUser(admin.id, user.id, { reason: "Spam", duration: "7d" })).toBe("banned");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await readSession(first.token, null)).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.banReason).toBe("Spam");
    expect(row.banExpires!.getTime() - row.bannedAt!.getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    expect(await adminAudit(user.id)).toEqual([{ action: "user.banned", actorId: admin.id }]);
    expect(await securityLog(user.id)).toContain("banned");

    expect(await unbanUser(admin.id, user.id)).toBe("unbanned");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ bannedAt: null });
    expect(await securityLog(user.id)).toContain("unbanned");
  });

  it("a session that slipped past the ban ends on its first read; an expired ban lifts by itself", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { bannedAt: new Date(), banReason: "x" } });
    const slipped = await sessionFor(user.id);
    expect(await readSession(slipped.token, null)).toBeNull();
    expect(await db.session.count({ where: { id: slipped.id } })).toBe(0);

    const past = new Date(Date.now() - 60_000);
    await db.user.update({
      where: { id: user.id },
      data: { bannedAt: new Date(Date.now() - 120_000), banExpires: past },
    });
    const after = await sessionFor(user.id);
    expect((await readSession(after.token, null))?.user.id).toBe(user.id);
  });

  it("the role rides on the one session read: a signed-in request still costs one statement", async () => {
    const admin = await createAdmin();
    const { token } = await sessionFor(admin.id, { seenMs: 0 });
    let role: string | undefined;
    const sql = await countStatements(async () => {
      role = (await readSession(token, null))?.user.role;
    });
    expect(sql).toHaveLength(1);
    expect(role).toBe("admin");
  });

  it("an admin can't ban or demote themself, nor ban another admin; a demoted admin's changes are refused", async () => {
    const admin = await createAdmin();
    const other = await createAdmin();
    const user = await createUser();
    expect(await banUser(admin.id, admin.id, { reason: "x", duration: "" })).toBe("self");
    expect(await banUser(admin.id, other.id, { reason: "x", duration: "" })).toBe("admin");
    expect(await changePlatformRole(admin.id, admin.id, "user")).toBe("self");

    expect(await changePlatformRole(other.id, admin.id, "user")).toBe("changed");
    // The demoted admin's next change is refused inside its transaction, whatever their page says.
    expect(await banUser(admin.id, user.id, { reason: "x", duration: "" })).toBe("not-admin");
    expect(await endUserSessions(admin.id, user.id)).toBe("not-admin");
    expect(await changePlatformRole(admin.id, other.id, "user")).toBe("not-admin");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ bannedAt: null });
    expect(await securityLog(admin.id)).toContain("platform-role-changed");
  });

  it("the last admin stays one, and a suspended user can't be made an admin", async () => {
    // This test needs to be the only admin: demote every other admin left by other tests.
    const admin = await createAdmin();
    await db.user.updateMany({ where: { role: "admin", id: { not: admin.id } }, data: { role: "user" } });
    expect(await changePlatformRole(null, admin.id, "user")).toBe("last-admin");
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "admin" });

    const banned = await createUser();
    await banUser(admin.id, banned.id, { reason: "x", duration: "" });
    expect(await changePlatformRole(admin.id, banned.id, "admin")).toBe("banned");

    // Two admins demoting each other at once can't leave none: the second waits, then finds it is
    // no longer an admin (or that the other is the last one).
    const second = await createAdmin();
    const results = await Promise.all([
      changePlatformRole(admin.id, second.id, "user"),
      changePlatformRole(second.id, admin.id, "user"),
    ]);
    expect(results.filter((r) => r === "changed")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "admin", id: { in: [admin.id, second.id] } } })).toBe(1);
  });

  it("an admin ends one session of a user (looked up among that user's own) or all of them", async () => {
    const admin = await createAdmin();
    const user = await createUser();
    const stranger = await createUser();
    const theirs = await sessionFor(user.id);
    await sessionFor(user.id);
    const strangers = await sessionFor(stranger.id);
    // Another user's session id, with this user's id: not found, nothing ended.
    expect(await endUserSessions(admin.id, user.id, strangers.id)).toBe("not-found");
    expect(await db.session.count({ where: { id: strangers.id } })).toBe(1);
    expect(await endUserSessions(admin.id, user.id, theirs.id)).toEqual({ ended: 1 });
    expect(await endUserSessions(admin.id, user.id)).toEqual({ ended: 1 });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await adminAudit(user.id)).map((e) => e.action).sort()).toEqual([
      "user.session-ended",
      "user.sessions-ended",
    ]);
    expect(await securityLog(user.id)).toContain("sessions-ended-by-admin");
  });

  it("the console lists by address or name prefix, 50 a page, without the password hash", async () => {
    const prefix = `find-${Date.now()}`;
    const user = await createUser({ email: `${prefix}@example.com`, name: "Findable", password: "a long enough pass" });
    await createUser({ name: `${prefix} by name` });
    const { users } = await listUsers(prefix, 1);
    expect(users.map((u) => u.email)).toHaveLength(2);
    const listed = users.find((u) => u.id === user.id)!;
    expect(listed.methods).toEqual(["email link", "password"]);
    expect(JSON.stringify(users)).not.toContain("argon2");
    expect((await listUsers("", 1)).users.length).toBeLessThanOrEqual(50);
  });
});

// In this file, not one of its own: the last-admin test above needs to be the only admin while it runs.
describe("support access", () => {
  const MINUTE = 60_000;
  const open = async (admin: { id: string; email: string }, userId: string) => {
    const started = await startSupportAccess(admin, userId);
    if (!started.ok) throw new Error(`support access refused: ${started.reason}`);
    return started.token;
  };

  it("is never of another admin, a suspended user or oneself, nor opened by a non-admin; a refusal writes nothing", async () => {
    const admin = await createAdmin();
    const other = await createAdmin();
    const user = await createUser();
    const banned = await createUser();
    await banUser(admin.id, banned.id, { reason: "x", duration: "" });
    expect(await startSupportAccess(admin, other.id)).toEqual({ ok: false, reason: "admin" });
    expect(await startSupportAccess(admin, banned.id)).toEqual({ ok: false, reason: "banned" });
    expect(await startSupportAccess(admin, admin.id)).toEqual({ ok: false, reason: "self" });
    expect(await startSupportAccess(admin, "no-such-user")).toEqual({ ok: false, reason: "not-found" });
    expect(await startSupportAccess(user, banned.id)).toEqual({ ok: false, reason: "not-admin" });
    expect(await db.session.count({ where: { impersonatorId: { in: [admin.id, user.id] } } })).toBe(0);
    expect(await securityLog(other.id)).not.toContain("support-access");
  });

  it("names its admin in the one session read, lasts an hour at most, and never counts as a recent sign-in", async () => {
    const admin = await createAdmin();
    const user = await createUser();
    const token = await open(admin, user.id);
    let read: Awaited<ReturnType<typeof readSession>> = null;
    const sql = await countStatements(async () => {
      read = await readSession(token, null);
    });
    expect(sql).toHaveLength(1);
    const { session } = read!;
    expect(session.userId).toBe(user.id);
    expect(session.impersonator).toEqual({ id: admin.id, email: admin.email });
    expect(session.expires.getTime() - session.createdAt.getTime()).toBe(SUPPORT_ACCESS_SECONDS * 1000);
    expect(session.authenticatedAt.getTime()).toBe(0);
    // Step-up never renews it, so no step-up gate ever opens.
    await markAuthenticated(session.id);
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).authenticatedAt.getTime()).toBe(0);

    const later = (minutes: number) => new Date(session.createdAt.getTime() + minutes * MINUTE);
    // Activity never moves it past the hour...
    expect((await readSession(token, null, later(59)))?.session.expires).toEqual(session.expires);
    // ...and once the hour is up it is gone.
    expect(await readSession(token, null, later(61))).toBeNull();
    expect(await db.session.count({ where: { id: session.id } })).toBe(0);

    expect(await adminAudit(user.id)).toEqual([{ action: "user.support-started", actorId: admin.id }]);
    const logged = await db.securityEvent.findFirst({ where: { userId: user.id, type: "support-access" } });
    expect(logged?.detail).toBe(admin.email);
  });

  it("ends at its next request once its admin is demoted, or its user is made an admin", async () => {
    const admin = await createAdmin();
    const other = await createAdmin();
    const user = await createUser();
    const promoted = await createUser();
    const byDemoted = await open(admin, user.id);
    const ofPromoted = await open(other, promoted.id);
    expect(await readSession(byDemoted, null)).not.toBeNull();

    expect(await changePlatformRole(other.id, admin.id, "user")).toBe("changed");
    expect(await readSession(byDemoted, null)).toBeNull();

    expect(await readSession(ofPromoted, null)).not.toBeNull();
    await db.user.update({ where: { id: promoted.id }, data: { role: "admin" } });
    expect(await readSession(ofPromoted, null)).toBeNull();
    expect(await db.session.count({ where: { impersonatorId: { in: [admin.id, other.id] } } })).toBe(0);
  });

  it("is on the user's sessions list, under the admin's address", async () => {
    const admin = await createAdmin();
    const user = await createUser();
    await sessionFor(user.id);
    await open(admin, user.id);
    const listed = await listSessions(user.id);
    expect(listed.map((s) => s.impersonator?.email ?? null).sort()).toEqual([admin.email, null].sort());
  });
});
