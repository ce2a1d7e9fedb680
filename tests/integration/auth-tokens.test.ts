import { describe, expect, it } from "vitest";
import { checkToken, consumeCode, consumeToken, issueToken, MAX_CODE_TRIES } from "@/server/security/email-tokens";
import { db } from "@/server/db";
import { hashToken } from "@/server/security/secrets";
import { createUser } from "../support/users";

async function expire(token: string) {
  await db.authToken.update({ where: { tokenHash: hashToken(token) }, data: { expires: new Date(Date.now() - 1000) } });
}

describe("emailed tokens", () => {
  it("are stored only as hashes", async () => {
    const user = await createUser();
    const { token, code } = await issueToken({
      userId: user.id,
      purpose: "verify-email",
      email: user.email,
      withCode: true,
    });
    const row = await db.authToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect(row.codeHash).not.toContain(code!);
    expect(code).toMatch(/^\d{6}$/);
  });

  it("work once: valid, then reused", async () => {
    const user = await createUser();
    const { token } = await issueToken({ userId: user.id, purpose: "reset-password", email: user.email });
    expect(await checkToken("reset-password", token)).toEqual({ ok: true, userId: user.id, email: user.email });
    expect(await consumeToken("reset-password", token)).toEqual({ ok: true, userId: user.id, email: user.email });
    expect(await consumeToken("reset-password", token)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuse when expired, and are deleted", async () => {
    const user = await createUser();
    const { token } = await issueToken({ userId: user.id, purpose: "reset-password", email: user.email });
    await expire(token);
    expect(await checkToken("reset-password", token)).toEqual({ ok: false, reason: "expired" });
    expect(await consumeToken("reset-password", token)).toEqual({ ok: false, reason: "expired" });
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuse a tampered token and a token of another purpose", async () => {
    const user = await createUser();
    const { token } = await issueToken({ userId: user.id, purpose: "reset-password", email: user.email });
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await consumeToken("reset-password", tampered)).toEqual({ ok: false, reason: "invalid" });
    expect(await consumeToken("verify-email", token)).toEqual({ ok: false, reason: "invalid" });
    expect(await consumeToken("reset-password", "short")).toEqual({ ok: false, reason: "invalid" });
    // Still usable by the right flow afterwards.
    expect((await consumeToken("reset-password", token)).ok).toBe(true);
  });

  it("are replaced: issuing a new one invalidates the previous one", async () => {
    const user = await createUser();
    const first = await issueToken({ userId: user.id, purpose: "reset-password", email: user.email });
    const second = await issueToken({ userId: user.id, purpose: "reset-password", email: user.email });
    expect(await consumeToken("reset-password", first.token)).toEqual({ ok: false, reason: "invalid" });
    expect((await consumeToken("reset-password", second.token)).ok).toBe(true);
  });

  it("can be used by only one of two simultaneous requests", async () => {
    const user = await createUser();
    const { token } = await issueToken({ userId: user.id, purpose: "reset-password", email: user.email });
    const results = await Promise.all([consumeToken("reset-password", token), consumeToken("reset-password", token)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe("6-digit codes", () => {
  it("verify with the right code, once", async () => {
    const user = await createUser({ verified: false });
    const { code } = await issueToken({ userId: user.id, purpose: "verify-email", email: user.email, withCode: true });
    expect(await consumeCode("verify-email", user.email, code!)).toEqual({
      ok: true,
      userId: user.id,
      email: user.email,
    });
    expect(await consumeCode("verify-email", user.email, code!)).toEqual({ ok: false, reason: "invalid" });
  });

  it("are thrown away after too many wrong guesses, so guessing cannot go on", async () => {
    const user = await createUser({ verified: false });
    const { code } = await issueToken({ userId: user.id, purpose: "verify-email", email: user.email, withCode: true });
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < MAX_CODE_TRIES; i++) {
      expect(await consumeCode("verify-email", user.email, wrong)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await consumeCode("verify-email", user.email, code!)).toEqual({ ok: false, reason: "invalid" });
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuse when expired, for another address, or when malformed", async () => {
    const user = await createUser({ verified: false });
    const other = await createUser({ verified: false });
    const { token, code } = await issueToken({
      userId: user.id,
      purpose: "verify-email",
      email: user.email,
      withCode: true,
    });
    expect(await consumeCode("verify-email", other.email, code!)).toEqual({ ok: false, reason: "invalid" });
    expect(await consumeCode("verify-email", user.email, "12ab56")).toEqual({ ok: false, reason: "invalid" });
    await expire(token);
    expect(await consumeCode("verify-email", user.email, code!)).toEqual({ ok: false, reason: "expired" });
  });
});
