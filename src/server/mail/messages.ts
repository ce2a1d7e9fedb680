import "server-only";
import { createElement } from "react";
import { ApiTokenChanged, apiTokenChangedSubject } from "@emails/api-token-changed";
import { AccountConnected, accountConnectedSubject } from "@emails/account-connected";
import { AccountDeleted, accountDeletedSubject } from "@emails/account-deleted";
import { AccountExists, accountExistsSubject } from "@emails/account-exists";
import { AccountLocked, accountLockedSubject } from "@emails/account-locked";
import { ConfirmEmailChange, confirmEmailChangeSubject } from "@emails/confirm-email-change";
import { EmailChanged, emailChangedSubject } from "@emails/email-changed";
import { MagicLinkEmail, magicLinkSubject } from "@emails/magic-link";
import { MembershipChanged, membershipChangedSubject, type MembershipChange } from "@emails/membership-changed";
import { OrgInvitation, orgInvitationSubject, type OrgInvitationProps } from "@emails/org-invitation";
import { PasskeyChanged, passkeyChangedSubject } from "@emails/passkey-changed";
import { PasswordChanged, passwordChangedSubject } from "@emails/password-changed";
import { ResetPassword, resetPasswordSubject } from "@emails/reset-password";
import { StepUpCode, stepUpCodeSubject } from "@emails/step-up-code";
import { TwoFactorNotice, twoFactorNoticeSubject, type TwoFactorNoticeKind } from "@emails/two-factor-notice";
import { VerifyEmail, verifyEmailSubject } from "@emails/verify-email";
import { env } from "../env";
import { TOKEN_LIFETIME_MINUTES } from "../security/email-tokens";
import { sendEmail } from "./send";

export { MailDeliveryError } from "./send";

/**
 * A notice the owner should get (a password changed, an address moved), whose failure must not
 * undo what already happened: a failed send is logged, never thrown.
 */
export async function sendNotice(what: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    console.error(`[mail] the ${what} notice could not be sent`, error);
  }
}

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
  const expiresInMinutes = TOKEN_LIFETIME_MINUTES["verify-email"];
  return sendEmail({
    to,
    subject: verifyEmailSubject,
    react: createElement(VerifyEmail, { url, code, expiresInMinutes }),
  });
}

export function sendAccountExistsEmail(to: string) {
  return sendEmail({
    to,
    subject: accountExistsSubject,
    react: createElement(AccountExists, { signInUrl: appLink("/sign-in"), resetUrl: appLink("/forgot-password") }),
  });
}

export function sendResetPasswordEmail(to: string, token: string) {
  const url = appLink("/reset-password", { token });
  const expiresInMinutes = TOKEN_LIFETIME_MINUTES["reset-password"];
  return sendEmail({
    to,
    subject: resetPasswordSubject,
    react: createElement(ResetPassword, { url, expiresInMinutes }),
  });
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
    react: createElement(ConfirmEmailChange, {
      url,
      newEmail: to,
      expiresInMinutes: TOKEN_LIFETIME_MINUTES["change-email"],
    }),
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

export function sendPasskeyChangedEmail(to: string, kind: "added" | "removed", passkeyName: string) {
  return sendEmail({
    to,
    subject: passkeyChangedSubject(kind),
    react: createElement(PasskeyChanged, { kind, passkeyName, passkeysUrl: appLink("/account/passkeys") }),
  });
}

export function sendApiTokenChangedEmail(to: string, kind: "created" | "revoked", tokenName: string) {
  return sendEmail({
    to,
    subject: apiTokenChangedSubject(kind),
    react: createElement(ApiTokenChanged, { kind, tokenName, tokensUrl: appLink("/account/api-tokens") }),
  });
}

export function sendStepUpCodeEmail(to: string, code: string) {
  const expiresInMinutes = TOKEN_LIFETIME_MINUTES["step-up"];
  return sendEmail({ to, subject: stepUpCodeSubject, react: createElement(StepUpCode, { code, expiresInMinutes }) });
}

export function sendTwoFactorNotice(to: string, kind: TwoFactorNoticeKind, backupCodesLeft?: number) {
  return sendEmail({
    to,
    subject: twoFactorNoticeSubject(kind),
    react: createElement(TwoFactorNotice, { kind, backupCodesLeft, settingsUrl: appLink("/account/two-factor") }),
  });
}

export function sendOrgInvitationEmail(to: string, token: string, invitation: Omit<OrgInvitationProps, "url">) {
  return sendEmail({
    to,
    subject: orgInvitationSubject(invitation.organizationName),
    react: createElement(OrgInvitation, { ...invitation, url: appLink(`/invite/${token}`) }),
  });
}

export function sendMembershipChangedEmail(to: string, organizationName: string, change: MembershipChange) {
  return sendEmail({
    to,
    subject: membershipChangedSubject(organizationName, change),
    react: createElement(MembershipChanged, { organizationName, change }),
  });
}
