import "server-only";
import { createElement } from "react";
import { AccountConnected, accountConnectedSubject } from "@emails/account-connected";
import { AccountDeleted, accountDeletedSubject } from "@emails/account-deleted";
import { AccountExists, accountExistsSubject } from "@emails/account-exists";
import { AccountLocked, accountLockedSubject } from "@emails/account-locked";
import { ConfirmEmailChange, confirmEmailChangeSubject } from "@emails/confirm-email-change";
import { EmailChanged, emailChangedSubject } from "@emails/email-changed";
import { MagicLinkEmail, magicLinkSubject } from "@emails/magic-link";
import { PasswordChanged, passwordChangedSubject } from "@emails/password-changed";
import { ResetPassword, resetPasswordSubject } from "@emails/reset-password";
import { StepUpCode, stepUpCodeSubject } from "@emails/step-up-code";
import { VerifyEmail, verifyEmailSubject } from "@emails/verify-email";
import { env } from "../env";
import { sendEmail } from "./send";

export { MailDeliveryError } from "./send";

/** Every link we email is built from the configured app URL, never from request headers. */
export function appLink(path: string, params: Record<string, string> = {}): string {
  const url = new URL(path, env.appUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

export function sendMagicLinkEmail(to: string, url: string, code: string) {
  return sendEmail({
    to,
    subject: magicLinkSubject,
    react: createElement(MagicLinkEmail, { url, code, email: to, expiresInMinutes: env.MAGIC_LINK_MAX_AGE_MINUTES }),
  });
}

export function sendVerifyEmail(to: string, token: string, code: string) {
  const url = appLink("/verify-email", { token });
  return sendEmail({ to, subject: verifyEmailSubject, react: createElement(VerifyEmail, { url, code }) });
}

export function sendAccountExistsEmail(to: string) {
  return sendEmail({
    to,
    subject: accountExistsSubject,
    react: createElement(AccountExists, { signInUrl: appLink("/sign-in"), resetUrl: appLink("/forgot-password") }),
  });
}

export function sendResetPasswordEmail(to: string, token: string, expiresInMinutes: number) {
  const url = appLink("/reset-password", { token });
  return sendEmail({ to, subject: resetPasswordSubject, react: createElement(ResetPassword, { url, expiresInMinutes }) });
}

export function sendPasswordChangedEmail(to: string, kind: "changed" | "set") {
  return sendEmail({
    to,
    subject: passwordChangedSubject,
    react: createElement(PasswordChanged, { resetUrl: appLink("/forgot-password"), kind }),
  });
}

export function sendConfirmEmailChangeEmail(to: string, token: string) {
  const url = appLink("/account/confirm-email", { token });
  return sendEmail({
    to,
    subject: confirmEmailChangeSubject,
    react: createElement(ConfirmEmailChange, { url, newEmail: to }),
  });
}

export function sendEmailChangedNotice(oldAddress: string, newEmail: string) {
  return sendEmail({ to: oldAddress, subject: emailChangedSubject, react: createElement(EmailChanged, { newEmail }) });
}

export function sendAccountDeletedEmail(to: string) {
  return sendEmail({ to, subject: accountDeletedSubject, react: createElement(AccountDeleted) });
}

export function sendAccountLockedEmail(to: string, minutes: number) {
  return sendEmail({
    to,
    subject: accountLockedSubject,
    react: createElement(AccountLocked, { minutes, resetUrl: appLink("/forgot-password") }),
  });
}

export function sendAccountConnectedEmail(to: string, provider: string) {
  return sendEmail({
    to,
    subject: accountConnectedSubject,
    react: createElement(AccountConnected, { provider, securityUrl: appLink("/account/security") }),
  });
}

export function sendStepUpCodeEmail(to: string, code: string, expiresInMinutes: number) {
  return sendEmail({ to, subject: stepUpCodeSubject, react: createElement(StepUpCode, { code, expiresInMinutes }) });
}
