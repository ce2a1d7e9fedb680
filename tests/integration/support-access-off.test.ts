import { describe, expect, it } from "vitest";
import { runAppWith } from "../support/app-environment";

// The default: with ADMIN_IMPERSONATION unset or "off", support access can't be opened, and a
// support session left from when it was on ends at its next request.
runAppWith({ ADMIN_IMPERSONATION: "off" });

describe("support access switched off", () => {
  it("opens nothing, and ends a support session that is still there", async () => {
    const { db } = await import("@/server/db");
    const { startSupportAccess } = await import("@/server/admin/support-access");
    const { readSession } = await import("@/server/sessions/read");
    const { sessionFor } = await import("../support/sessions");
    const { createUser } = await import("../support/users");
    // No admin needed (and none made: platform-admin.test.ts counts them): "off" is checked first.
    const someone = await createUser();
    const user = await createUser();
    expect(await startSupportAccess(someone, user.id)).toEqual({ ok: false, reason: "off" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    const left = await sessionFor(user.id);
    await db.session.update({ where: { id: left.id }, data: { impersonatorId: someone.id } });
    expect(await readSession(left.token, null)).toBeNull();
    expect(await db.session.count({ where: { id: left.id } })).toBe(0);
  });
});
