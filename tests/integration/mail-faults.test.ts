import { afterAll, describe, expect, it } from "vitest";
import { runAppWith } from "../support/app-environment";
import { allowConsoleError } from "../support/console-guard";
import { startFakeResend } from "../support/fake-resend";
import { uniqueEmail } from "../support/random";

/**
 * The mail API fails (HTTP 500 from the fake Resend, for "fail-…" addresses) or is slow (3 s late
 * for "slow-…" addresses, against a 500 ms MAIL_SEND_TIMEOUT_MS): the flow the user waits for
 * says so, and no token from the lost message stays usable. Through the real `resend` SDK.
 * Sign-up, forgot password, resend verification and email change send after the response (their
 * answer must not depend on whether the address has an account), so there the proof is the
 * clean-up their job does when the send fails.
 */
const resend = await startFakeResend();
afterAll(() => resend.stop());
runAppWith({
  AUTH_RESEND_KEY: "re_test_fake_key",
  RESEND_BASE_URL: resend.url,
  MAIL_SEND_TIMEOUT_MS: "500",
});
const { db } = await import("@/server/db");
const { env } = await import("@/server/env");
const { MailDeliveryError } = await import("@/server/mail/messages");
const { sendOrExplain } = await import("@/server/forms/guards");
const { registerWithPassword } = await import("@/server/account/sign-up");
const { resendVerification } = await import("@/server/account/email-verification");
const { requestPasswordReset, checkResetToken } = await import("@/server/account/password-reset");
const { requestEmailChange } = await import("@/server/account/email-change");
const { sendStepUpCode } = await import("@/server/auth/step-up");
const { isLiveSignInLink, consumeSignInCode } = await import("@/server/auth/sign-in-secrets");
const { AuthClient } = await import("../support/auth-requests");
const { createUser } = await import("../support/users");
const { orgWith } = await import("../support/orgs");
const { inviteMember } = await import("@/server/orgs/invitations");

const PASSWORD = "plinth-marigold-quartz-7";
const faults = [
  ["fails (HTTP 500)", "fail"],
  ["is slower than MAIL_SEND_TIMEOUT_MS", "slow"],
] as const;

function allowFailedSendLogs() {
  allowConsoleError(/EmailSignInError|MailDeliveryError|could not be sent|Resend (refused|did not answer)/);
}

/** Rows that would let someone in with a message that never arrived (or arrived too late). */
async function liveTokens(email: string, userId?: string) {
  const [links, codes, tokens] = await Promise.all([
    db.verificationToken.count({ where: { identifier: email } }),
    db.signInCode.count({ where: { identifier: email } }),
    db.authToken.count({ where: { OR: [{ email }, ...(userId ? [{ userId }] : [])] } }),
  ]);
  return links + codes + tokens;
}

it("the app sends through the fake Resend with a 500 ms send timeout", () => {
  expect(env.useOutbox).toBe(false);
  expect(env.MAIL_SEND_TIMEOUT_MS).toBe(500);
});

describe.each(faults)("when the mail API %s", (_, prefix) => {
  it("sign-in link and code: Auth.js reports the failed send, and neither the link nor the code is stored", async () => {
    allowFailedSendLogs();
    const email = uniqueEmail(prefix);
    const client = new AuthClient();
    const response = await client.post("/api/auth/signin/resend", {
      email,
      csrfToken: await client.csrfToken(),
      callbackUrl: "/dashboard",
    });
    const location = response.headers.get("location") ?? "";
    expect(location).toContain("error=");
    expect(location).not.toContain("verify-request");
    expect(await liveTokens(email)).toBe(0);
  });

  it("invitation: the admin is told, and the invitation is revoked (no live link that never arrived)", async () => {
    const { owner } = await orgWith();
    const email = uniqueEmail(prefix);
    expect(await inviteMember(owner.member, email, "member")).toEqual({ ok: false, reason: "mail-failed" });
    expect(await db.invitation.count({ where: { email, status: "pending" } })).toBe(0);
  });

  it("step-up code: the form says the email couldn't be sent, and no code is stored", async () => {
    allowFailedSendLogs();
    const user = await createUser({ email: uniqueEmail(prefix) });
    const answer = await sendOrExplain(() => sendStepUpCode(user.id, user.email));
    expect(answer?.error).toMatch(/couldn't send the email.*try again/i);
    expect(await liveTokens(user.email, user.id)).toBe(0);
  });

  it("sign-up: the verification link and code are not kept, nor the unconfirmed account", async () => {
    const email = uniqueEmail(prefix);
    const job = await registerWithPassword({ email, password: PASSWORD });
    const failure = await job().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MailDeliveryError);
    // What goes to the error log names the domain and a keyed hash, never the address.
    expect(String(failure)).not.toContain(email.split("@")[0]);
    expect(String(failure)).toContain(`@${email.split("@")[1]}`);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await liveTokens(email)).toBe(0);
  });

  it("resend verification: the new link and code are not kept", async () => {
    const user = await createUser({ email: uniqueEmail(prefix), password: PASSWORD, verified: false });
    const job = resendVerification(user.email);
    await expect(job()).rejects.toBeInstanceOf(MailDeliveryError);
    expect(await liveTokens(user.email, user.id)).toBe(0);
  });

  it("forgot password: the reset link is not kept", async () => {
    const user = await createUser({ email: uniqueEmail(prefix), password: PASSWORD });
    const job = requestPasswordReset(user.email);
    await expect(job()).rejects.toBeInstanceOf(MailDeliveryError);
    expect(await liveTokens(user.email, user.id)).toBe(0);
  });

  it("email change: the confirmation link for the new address is not kept", async () => {
    const user = await createUser({ email: uniqueEmail("owner") });
    const job = requestEmailChange(user.id, uniqueEmail(prefix));
    await expect(job()).rejects.toBeInstanceOf(MailDeliveryError);
    expect(await liveTokens(user.email, user.id)).toBe(0);
  });
});

describe("a message the mail API delivers after the app stopped waiting", () => {
  /** The slow fake still delivers: wait for the late message and read it. */
  async function lateEmail(to: string) {
    await expect.poll(async () => (await resend.emailsTo(to)).length, { timeout: 10_000 }).toBe(1);
    return (await resend.emailsTo(to))[0]!;
  }

  it("a late reset email carries a link that no longer works", async () => {
    const user = await createUser({ email: uniqueEmail("slow"), password: PASSWORD });
    const job = requestPasswordReset(user.email);
    await expect(job()).rejects.toBeInstanceOf(MailDeliveryError);
    const token = (await lateEmail(user.email)).text.match(/reset-password\?token=([\w-]+)/)?.[1];
    expect(token).toBeDefined();
    expect(await checkResetToken(token!)).toEqual({ ok: false, reason: "invalid" });
  });

  it("a late sign-in email carries a link and a code that no longer work", async () => {
    allowFailedSendLogs();
    const email = uniqueEmail("slow");
    const client = new AuthClient();
    await client.post("/api/auth/signin/resend", { email, csrfToken: await client.csrfToken(), callbackUrl: "/" });
    const { text } = await lateEmail(email);
    const token = text.match(/[?&]token=([0-9a-f]{64})/)?.[1];
    const code = text.match(/device where you asked to sign in:\s+(\d{6})/)?.[1];
    expect(token && code).toBeTruthy();
    expect(await isLiveSignInLink(email, token!)).toBe(false);
    expect(await consumeSignInCode(email, code!)).toBe(false);
  });
});
