import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { listOutbox } from "@/server/mail/outbox";
import { passkeyRegistrationOptions, registerPasskey } from "@/server/passkeys/registration";
import { PASSKEY_CHALLENGE_SECONDS } from "@/server/passkeys/challenges";
import { relyingParty } from "@/server/passkeys/relying-party";
import { passkeySignInOptions, verifyPasskeySignIn } from "@/server/passkeys/sign-in";
import { SoftAuthenticator } from "../support/authenticator";
import { userWithPasskey } from "../support/passkeys";
import { createUser } from "../support/users";

describe("the relying party", () => {
  it("comes from the configured app URL, never from a request", () => {
    expect(relyingParty()).toMatchObject({ id: "localhost", origin: "http://localhost:3000" });
    expect(relyingParty("https://app.example.com")).toMatchObject({
      id: "app.example.com",
      origin: "https://app.example.com",
    });
  });
});

describe("adding a passkey", () => {
  it("stores the public key and counter, logs it and emails the owner", async () => {
    const { user, device } = await userWithPasskey();
    const stored = await db.passkey.findUniqueOrThrow({ where: { credentialId: device.id } });
    expect(stored).toMatchObject({ userId: user.id, name: "Phone", counter: 0n, transports: "internal" });
    expect(stored.publicKey.length).toBeGreaterThan(60);
    expect(await db.securityEvent.count({ where: { userId: user.id, type: "passkey-added" } })).toBe(1);
    const mail = (await listOutbox()).filter((m) => m.to === user.email);
    expect(mail.map((m) => m.subject)).toContain("A passkey was added to your Gatehouse account");
  });

  it("refuses an answer to another user's challenge", async () => {
    const alice = await createUser();
    const mallory = await createUser();
    const options = await passkeyRegistrationOptions({ id: alice.id, email: alice.email, name: null });
    const answer = new SoftAuthenticator().createCredential(options);
    const owner = { id: mallory.id, email: mallory.email, name: null };
    expect(await registerPasskey(owner, answer, "Stolen")).toEqual({ ok: false, reason: "expired" });
    expect(await db.passkey.count({ where: { userId: { in: [alice.id, mallory.id] } } })).toBe(0);
  });

  it("refuses a device that did not verify its user (no PIN or biometrics)", async () => {
    const user = await createUser();
    const owner = { id: user.id, email: user.email, name: null };
    const device = new SoftAuthenticator({ userVerified: false });
    const answer = device.createCredential(await passkeyRegistrationOptions(owner));
    expect(await registerPasskey(owner, answer, "Unlocked")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("signing in with a passkey", () => {
  it("asks for no email and lists no passkeys: the options are the same for everyone", async () => {
    const options = await passkeySignInOptions();
    expect(options.allowCredentials).toEqual([]);
    expect(options.userVerification).toBe("required");
    expect(options.rpId).toBe("localhost");
  });

  it("signs in the passkey's owner and records its use", async () => {
    const { user, device } = await userWithPasskey();
    const result = await verifyPasskeySignIn(device.getAssertion(await passkeySignInOptions()));
    expect(result).toEqual({ ok: true, userId: user.id });
    const stored = await db.passkey.findUniqueOrThrow({ where: { credentialId: device.id } });
    expect(stored.lastUsedAt).toBeInstanceOf(Date);
  });

  it("a used challenge can't be answered again", async () => {
    const { device } = await userWithPasskey();
    const options = await passkeySignInOptions();
    expect((await verifyPasskeySignIn(device.getAssertion(options))).ok).toBe(true);
    // A fresh signature over the same challenge: the challenge, not the signature, is spent.
    expect(await verifyPasskeySignIn(device.getAssertion(options))).toEqual({ ok: false, reason: "expired" });
  });

  it("an expired challenge is refused, even with a good signature", async () => {
    const { device } = await userWithPasskey();
    // Issued just over the challenge's lifetime ago.
    const options = await passkeySignInOptions(new Date(Date.now() - PASSKEY_CHALLENGE_SECONDS * 1000 - 1000));
    expect(await verifyPasskeySignIn(device.getAssertion(options))).toEqual({ ok: false, reason: "expired" });
  });

  it("showing the sign-in page's options writes nothing; only an answer writes its challenge's row", async () => {
    const { device } = await userWithPasskey();
    const before = await db.passkeyChallenge.count();
    const options = await passkeySignInOptions();
    expect(await db.passkeyChallenge.count()).toBe(before);
    expect((await verifyPasskeySignIn(device.getAssertion(options))).ok).toBe(true);
    expect(await db.passkeyChallenge.count({ where: { challenge: options.challenge } })).toBe(1);
  });

  it("a challenge we did not issue, or one whose expiry was edited, is refused", async () => {
    const { device } = await userWithPasskey();
    const made = Buffer.from((await passkeySignInOptions()).challenge, "base64url");
    // Same length and layout, another key: the MAC fails. Then ours with the expiry pushed out.
    const forged = Buffer.from(made);
    forged[forged.length - 1]! ^= 1;
    const extended = Buffer.from(made);
    extended.writeBigUInt64BE(BigInt(Date.now() + 60 * 60 * 1000), 16);
    // And ours spelled another way (padding the decoder ignores), which would be another row's key.
    const respelled = `${made.toString("base64url")}=`;
    for (const challenge of [forged.toString("base64url"), extended.toString("base64url"), respelled]) {
      const answer = device.getAssertion({ challenge, rpId: "localhost" });
      expect(await verifyPasskeySignIn(answer)).toEqual({ ok: false, reason: "expired" });
    }
  });

  it("a registration challenge can't be used to sign in", async () => {
    const { owner, device } = await userWithPasskey();
    const registration = await passkeyRegistrationOptions(owner);
    const answer = device.getAssertion({ challenge: registration.challenge, rpId: "localhost" });
    expect(await verifyPasskeySignIn(answer)).toEqual({ ok: false, reason: "expired" });
  });

  it("a counter that goes backwards is refused (a cloned authenticator), and the stored one stays", async () => {
    const { device } = await userWithPasskey({}, { counter: "counting" });
    expect((await verifyPasskeySignIn(device.getAssertion(await passkeySignInOptions(), { counter: 5 }))).ok).toBe(
      true,
    );
    const rewound = device.getAssertion(await passkeySignInOptions(), { counter: 3 });
    expect(await verifyPasskeySignIn(rewound)).toEqual({ ok: false, reason: "invalid" });
    const same = device.getAssertion(await passkeySignInOptions(), { counter: 5 });
    expect(await verifyPasskeySignIn(same)).toEqual({ ok: false, reason: "invalid" });
    expect((await db.passkey.findUniqueOrThrow({ where: { credentialId: device.id } })).counter).toBe(5n);
  });

  it("an answer signed on a look-alike site that relays our challenge is refused", async () => {
    const { device } = await userWithPasskey();
    const relayed = device.getAssertion(await passkeySignInOptions(), { origin: "https://gatehouse-login.example" });
    expect(await verifyPasskeySignIn(relayed)).toEqual({ ok: false, reason: "invalid" });
  });

  it("a passkey we don't know is refused", async () => {
    const stranger = new SoftAuthenticator();
    expect(await verifyPasskeySignIn(stranger.getAssertion(await passkeySignInOptions()))).toEqual({
      ok: false,
      reason: "unknown",
    });
  });
});
