import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { generateToken, hashToken } from "@/server/security/secrets";
import { revokeAllSessions, revokeOtherSessions } from "@/server/sessions/store";
import { sessionFor } from "../support/sessions";
import { createUser } from "../support/users";

/**
 * Attack: keep skipping the second factor after the owner recovers. An attacker who once held a
 * remembered-device cookie (30 days) kept it through the owner's password reset, password change,
 * email change and "sign out of all other sessions": with the password they learn next, no code
 * is asked. Every recovery goes through one of these two revocations, and they forget the devices.
 */
async function rememberedDevice(userId: string) {
  return db.rememberedDevice.create({
    data: {
      userId,
      tokenHash: hashToken(generateToken()),
      factorEnabledAt: new Date(),
      expires: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000),
    },
  });
}

describe("remembered devices after recovery", () => {
  it("signing out everywhere (password reset, GitHub takeover fix) forgets every remembered device", async () => {
    const user = await createUser();
    await rememberedDevice(user.id);
    await rememberedDevice(user.id);
    await revokeAllSessions(user.id);
    expect(await db.rememberedDevice.count({ where: { userId: user.id } })).toBe(0);
  });

  it("signing out the other sessions (password or email change, the sessions page) forgets them too", async () => {
    const user = await createUser();
    const kept = await sessionFor(user.id);
    await rememberedDevice(user.id);
    await revokeOtherSessions(user.id, kept.id);
    expect(await db.rememberedDevice.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { id: kept.id } })).toBe(1);
  });

  it("leaves other users' devices alone", async () => {
    const [user, other] = [await createUser(), await createUser()];
    await rememberedDevice(other.id);
    await revokeAllSessions(user.id);
    expect(await db.rememberedDevice.count({ where: { userId: other.id } })).toBe(1);
  });
});
