import { describe, expect, it } from "vitest";
import { passkeyRegistrationOptions, registerPasskey } from "@/server/passkeys/registration";
import { passkeySignInOptions, verifyPasskeySignIn } from "@/server/passkeys/sign-in";
import { SoftAuthenticator } from "../support/authenticator";
import { createUser } from "../support/users";

/**
 * Attack: replay a captured passkey answer. The attacker copies the signed answer the victim's
 * browser sent (a proxy log, a browser extension, a leaked HAR file) and sends it again to sign
 * in as the victim. The victim's passkey is a synced one, whose signature counter stays at 0, so
 * the counter can't tell a replay apart: only the challenge can. Its row is deleted by the first
 * answer that names it. Seen without the defence (a challenge kept in a cookie, or a row left in
 * place): the copy signed in too.
 */
async function victimWithSyncedPasskey() {
  const user = await createUser();
  const owner = { id: user.id, email: user.email, name: null };
  const device = new SoftAuthenticator({ counter: "none" });
  const added = await registerPasskey(owner, device.createCredential(await passkeyRegistrationOptions(owner)), "Phone");
  if (!added.ok) throw new Error(added.reason);
  return { user, device };
}

describe("replaying a captured passkey answer", () => {
  it("the copy sent after the victim signed in is refused", async () => {
    const { user, device } = await victimWithSyncedPasskey();
    const captured = device.getAssertion(await passkeySignInOptions());
    expect(await verifyPasskeySignIn(captured)).toEqual({ ok: true, userId: user.id });

    const replayed = structuredClone(captured);
    expect(await verifyPasskeySignIn(replayed)).toEqual({ ok: false, reason: "expired" });
  });

  it("the copy raced against the original: exactly one signs in", async () => {
    const { device } = await victimWithSyncedPasskey();
    const captured = device.getAssertion(await passkeySignInOptions());
    const results = await Promise.all(Array.from({ length: 5 }, () => verifyPasskeySignIn(structuredClone(captured))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});
