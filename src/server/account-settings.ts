import "server-only";
import { checkToken, consumeToken, issueToken, type TokenResult } from "./auth-tokens";
import { checkPassword } from "./credentials";
import { db } from "./db";
import {
  sendAccountDeletedEmail,
  sendConfirmEmailChangeEmail,
  sendEmailChangedNotice,
  sendPasswordChangedEmail,
} from "./mail";
import type { MailJob } from "./mail/after-response";
import { hashPassword } from "./password";
import { rateLimitMessage } from "@/lib/format";
import { recordSecurityEvent } from "./security-log";
import { revokeAllSessions, revokeOtherSessions } from "./sessions";

/** Everything /account shows and changes, for the signed-in user. */

export interface SignInMethods {
  /** Magic links count once the address is verified. */
  emailLink: boolean;
  password: boolean;
  github: boolean;
}

export async function getAccountOverview(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, image: true, emailVerified: true, passwordHash: true, createdAt: true },
  });
  const accounts = await db.account.findMany({ where: { userId }, select: { provider: true } });
  const methods: SignInMethods = {
    emailLink: Boolean(user.emailVerified),
    password: Boolean(user.passwordHash),
    github: accounts.some((a) => a.provider === "github"),
  };
  const { passwordHash: _omit, ...profile } = user;
  return { profile, methods };
}

export async function updateProfileName(userId: string, name: string | undefined): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name: name ?? null } });
}

/**
 * A confirmation link for the new address, as a job that sends it after the response (and deletes
 * it if the send fails). When the address belongs to another account there is no job, but the
 * caller's answer is the same: the settings page can't be used to find out who has an account.
 */
export async function requestEmailChange(userId: string, newEmail: string): Promise<MailJob | null> {
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) return null;
  const { token } = await issueToken({ userId, purpose: "change-email", email: newEmail });
  return async () => {
    try {
      await sendConfirmEmailChangeEmail(newEmail, token);
    } catch (error) {
      await db.authToken.deleteMany({ where: { userId, purpose: "change-email" } });
      throw error;
    }
  };
}

export function checkEmailChangeToken(token: string): Promise<TokenResult> {
  return checkToken("change-email", token);
}

/**
 * Switches the account to the confirmed new address, signs out every other session, and tells
 * the old address.
 */
export async function confirmEmailChange(userId: string, sessionId: string, token: string): Promise<TokenResult> {
  const check = await checkToken("change-email", token);
  if (!check.ok || check.userId !== userId) return check.ok ? { ok: false, reason: "invalid" } : check;
  if (await db.user.findUnique({ where: { email: check.email }, select: { id: true } })) {
    await consumeToken("change-email", token);
    return { ok: false, reason: "invalid" };
  }
  const result = await consumeToken("change-email", token);
  if (!result.ok) return result;
  const { email: oldEmail } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  await db.user.update({ where: { id: userId }, data: { email: result.email, emailVerified: new Date() } });
  await revokeOtherSessions(userId, sessionId);
  await recordSecurityEvent(userId, "email-changed", `${oldEmail} → ${result.email}`);
  // Sign-in emails requested for the old address must not work any more.
  await db.verificationToken.deleteMany({ where: { identifier: oldEmail } });
  await db.signInCode.deleteMany({ where: { identifier: oldEmail } });
  await sendEmailChangedNotice(oldEmail, result.email).catch((error: unknown) => {
    console.error("[mail] email-changed notice failed", error);
  });
  return result;
}

export type PasswordChangeResult =
  | { ok: true }
  | { ok: false; field: "currentPassword" | "newPassword"; message: string }
  | { ok: false; field: "form"; message: string };

/**
 * Changes the password and signs out every other session. The current password is checked the
 * way every password is (rate limits, lockout), and it is this change's step-up.
 */
export async function changePassword(params: {
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  ip: string;
}): Promise<PasswordChangeResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: params.userId }, select: { email: true, passwordHash: true } });
  const check = user.passwordHash ? await checkPassword(user.email, params.currentPassword, params.ip) : null;
  if (check && !check.ok && check.reason === "rate-limited") {
    return { ok: false, field: "form", message: rateLimitMessage(check.retryAfterSeconds) };
  }
  if (!check?.ok) return { ok: false, field: "currentPassword", message: "That is not your current password." };
  await db.user.update({ where: { id: params.userId }, data: { passwordHash: await hashPassword(params.newPassword) } });
  await revokeOtherSessions(params.userId, params.sessionId);
  await recordSecurityEvent(params.userId, "password-changed");
  await sendPasswordChangedEmail(user.email, "changed").catch((error: unknown) => {
    console.error("[mail] password-changed notice failed", error);
  });
  return { ok: true };
}

/**
 * For accounts that only used magic links or GitHub so far. A new way in: every other session is
 * signed out, and the owner is told.
 */
export async function setFirstPassword(userId: string, sessionId: string, newPassword: string): Promise<boolean> {
  const passwordHash = await hashPassword(newPassword);
  const { count } = await db.user.updateMany({ where: { id: userId, passwordHash: null }, data: { passwordHash } });
  if (count === 1) {
    await revokeOtherSessions(userId, sessionId);
    await recordSecurityEvent(userId, "password-set");
    const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await sendPasswordChangedEmail(email, "set").catch((error: unknown) => {
      console.error("[mail] password-set notice failed", error);
    });
  }
  return count === 1;
}

/** Removes GitHub, unless it is the only way left to sign in. */
export async function disconnectGitHub(userId: string): Promise<"disconnected" | "last-method"> {
  const { methods } = await getAccountOverview(userId);
  if (!methods.password && !methods.emailLink) return "last-method";
  await db.account.deleteMany({ where: { userId, provider: "github" } });
  await recordSecurityEvent(userId, "account-unlinked", "github");
  return "disconnected";
}

export type DeleteResult = { ok: true } | { ok: false; field: "confirmEmail"; message: string };

/**
 * Deletes the user and everything that hangs off it (cascade), then says goodbye. The caller has
 * required a recent sign-in (step-up); typing the address guards against a slip.
 */
export async function deleteAccount(userId: string, confirmEmail: string): Promise<DeleteResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (confirmEmail !== user.email) {
    return { ok: false, field: "confirmEmail", message: "Type your email address exactly as shown to confirm." };
  }
  await revokeAllSessions(userId);
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { identifier: user.email } }),
    db.signInCode.deleteMany({ where: { identifier: user.email } }),
    db.user.delete({ where: { id: userId } }),
  ]);
  await sendAccountDeletedEmail(user.email).catch((error: unknown) => {
    console.error("[mail] goodbye email failed", error);
  });
  return { ok: true };
}
