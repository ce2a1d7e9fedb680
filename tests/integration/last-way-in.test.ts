import { describe, expect, it } from "vitest";
import { disconnectGitHub } from "@/server/account/connections";
import { db } from "@/server/db";
import { removePasskey } from "@/server/passkeys/manage";
import { addAnotherPasskey, userWithPasskey } from "../support/passkeys";
import { createUser } from "../support/users";

/** The last way into an account (passkey, GitHub, password, confirmed email) can't be removed. */
describe("the last way in", () => {
  it("the only passkey of an account with no other way in can't be removed", async () => {
    const { user, owner, passkeyId } = await userWithPasskey({ verified: false });
    expect(await removePasskey(owner, passkeyId)).toBe("last-method");
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a passkey can go while another passkey, a password or a confirmed email remains", async () => {
    const twoPasskeys = await userWithPasskey({ verified: false });
    await addAnotherPasskey(twoPasskeys.owner);
    expect(await removePasskey(twoPasskeys.owner, twoPasskeys.passkeyId)).toBe("removed");

    const withPassword = await userWithPasskey({ verified: false, password: "a-perfectly-fine-passphrase" });
    expect(await removePasskey(withPassword.owner, withPassword.passkeyId)).toBe("removed");
    expect(await db.securityEvent.count({ where: { userId: withPassword.user.id, type: "passkey-removed" } })).toBe(1);

    const withEmail = await userWithPasskey({ verified: true });
    expect(await removePasskey(withEmail.owner, withEmail.passkeyId)).toBe("removed");
  });

  // Races, played on ten accounts at once so the two requests of each really overlap (on
  // PostgreSQL, before the account's row was held, some of them both went through).
  it("two removals at once can't take away the last way in", async () => {
    const accounts = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const { user, owner, passkeyId } = await userWithPasskey({ verified: false });
        return { user, owner, passkeyIds: [passkeyId, await addAnotherPasskey(owner)] };
      }),
    );
    const results = await Promise.all(
      accounts.map(({ owner, passkeyIds }) => Promise.all(passkeyIds.map((id) => removePasskey(owner, id)))),
    );
    for (const [i, pair] of results.entries()) {
      expect(pair.sort()).toEqual(["last-method", "removed"]);
      expect(await db.passkey.count({ where: { userId: accounts[i]!.user.id } })).toBe(1);
    }
  });

  it("removing a passkey and disconnecting GitHub at once leave one of them", async () => {
    const accounts = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const { user, owner, passkeyId } = await userWithPasskey({ verified: false });
        await db.account.create({
          data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: `gh-${user.id}` },
        });
        return { user, owner, passkeyId };
      }),
    );
    await Promise.all(
      accounts.map(({ user, owner, passkeyId }) =>
        Promise.all([removePasskey(owner, passkeyId), disconnectGitHub(user.id)]),
      ),
    );
    for (const { user } of accounts) {
      const left =
        (await db.passkey.count({ where: { userId: user.id } })) +
        (await db.account.count({ where: { userId: user.id } }));
      expect(left).toBe(1);
    }
  });

  it("someone else's passkey can't be removed", async () => {
    const victim = await userWithPasskey();
    const other = await createUser();
    expect(await removePasskey({ id: other.id, email: other.email }, victim.passkeyId)).toBe("not-found");
  });

  it("GitHub can be disconnected when a passkey remains", async () => {
    const { user } = await userWithPasskey({ verified: false });
    await db.account.create({
      data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: `gh-${user.id}` },
    });
    expect(await disconnectGitHub(user.id)).toBe("disconnected");
  });
});
