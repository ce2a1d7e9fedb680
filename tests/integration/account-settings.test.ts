import { describe, expect, it } from "vitest";
import { disconnectGitHub } from "@/server/account/connections";
import { deleteAccount } from "@/server/account/deletion";
import { confirmEmailChange, requestEmailChange } from "@/server/account/email-change";
import { changePassword } from "@/server/account/password-change";
import { issueToken } from "@/server/security/email-tokens";
import { db } from "@/server/db";
import { listOutbox } from "@/server/mail/outbox";
import { verifyPassword } from "@/server/security/password-hashing";
import { createSession } from "@/server/sessions/store";
import { createUser, uniqueEmail } from "../support/users";

async function linkGitHub(userId: string) {
  await db.account.create({
    data: { userId, type: "oauth", provider: "github", providerAccountId: `gh-${userId}` },
  });
}

describe("disconnecting GitHub", () => {
  it("is refused when GitHub is the only way to sign in", async () => {
    const user = await createUser({ verified: false });
    await linkGitHub(user.id);
    expect(await disconnectGitHub(user.id)).toBe("last-method");
    expect(await db.account.count({ where: { userId: user.id } })).toBe(1);
  });

  it("works when a password or a verified email remains", async () => {
    const withPassword = await createUser({ verified: false, password: "a-perfectly-fine-passphrase" });
    const withEmail = await createUser({ verified: true });
    for (const user of [withPassword, withEmail]) {
      await linkGitHub(user.id);
      expect(await disconnectGitHub(user.id)).toBe("disconnected");
      expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
    }
  });
});

describe("changing the password", () => {
  it("needs the current password and signs out every other session", async () => {
    const user = await createUser({ password: "the-current-passphrase" });
    await createSession(user.id, "credentials");
    await createSession(user.id, "credentials");
    const current = await db.session.findFirstOrThrow({ where: { userId: user.id } });

    const wrong = await changePassword({
      userId: user.id,
      sessionId: current.id,
      currentPassword: "not-it",
      newPassword: "a-new-strong-passphrase",
      ip: "10.9.0.1",
    });
    expect(wrong).toEqual({ ok: false, field: "currentPassword", message: "That is not your current password." });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);

    const right = await changePassword({
      userId: user.id,
      sessionId: current.id,
      currentPassword: "the-current-passphrase",
      newPassword: "a-new-strong-passphrase",
      ip: "10.9.0.1",
    });
    expect(right).toEqual({ ok: true });
    const remaining = await db.session.findMany({ where: { userId: user.id } });
    expect(remaining.map((s) => s.id)).toEqual([current.id]);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(passwordHash!, "a-new-strong-passphrase")).toBe(true);
  });
});

describe("changing the email address", () => {
  it("switches only with the token, only for its own user, and signs out every other session", async () => {
    const user = await createUser();
    const intruder = await createUser();
    await createSession(user.id, "credentials");
    const current = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    await createSession(user.id, "credentials");
    const newEmail = uniqueEmail("moved");
    const { token } = await issueToken({ userId: user.id, purpose: "change-email", email: newEmail });

    expect(await confirmEmailChange(intruder.id, "x", token)).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmEmailChange(user.id, current.id, token)).toEqual({
      ok: true,
      userId: user.id,
      email: newEmail,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    expect((await db.session.findMany({ where: { userId: user.id } })).map((s) => s.id)).toEqual([current.id]);
    expect(await confirmEmailChange(user.id, current.id, token)).toEqual({ ok: false, reason: "invalid" });
  });

  it("sends nothing to an address that belongs to someone else, and leaves no token", async () => {
    const user = await createUser();
    const taken = await createUser();
    await requestEmailChange(user.id, taken.email)();
    expect(await db.authToken.count({ where: { userId: user.id, purpose: "change-email" } })).toBe(0);
    expect((await listOutbox(500)).filter((m) => m.to === taken.email)).toEqual([]);
  });

  it("a new address gets its link from the mail job; a failed send leaves no usable token", async () => {
    const user = await createUser();
    const fresh = uniqueEmail("fresh-address");
    const job = requestEmailChange(user.id, fresh);
    // Nothing is written before the job runs (after the response): a taken address costs the same.
    expect(await db.authToken.count({ where: { userId: user.id, purpose: "change-email" } })).toBe(0);
    await job();
    expect(await db.authToken.count({ where: { userId: user.id, purpose: "change-email" } })).toBe(1);
    expect((await listOutbox(500)).filter((m) => m.to === fresh).map((m) => m.subject)).toEqual([
      "Confirm your new Gatehouse email address",
    ]);
  });
});

describe("deleting the account", () => {
  it("needs the typed email, then removes every row", async () => {
    const user = await createUser({ password: "keep-this-one-safe" });
    await linkGitHub(user.id);
    await createSession(user.id, "credentials");
    await issueToken({ userId: user.id, purpose: "reset-password", email: user.email });
    await db.verificationToken.create({
      data: { identifier: user.email, token: "x", expires: new Date(Date.now() + 60_000) },
    });

    expect((await deleteAccount(user.id, "other@example.com")).ok).toBe(false);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);

    expect(await deleteAccount(user.id, user.email)).toEqual({ ok: true });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: user.email } })).toBe(0);
  });
});
