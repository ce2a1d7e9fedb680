import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export type TwoFactorNoticeKind =
  "enabled" | "disabled" | "backup-codes-replaced" | "backup-code-used" | "codes-paused";

export interface TwoFactorNoticeProps {
  kind: TwoFactorNoticeKind;
  /** Backup codes left (for "backup-code-used"). */
  backupCodesLeft?: number;
  settingsUrl: string;
}

const copy: Record<TwoFactorNoticeKind, { subject: string; heading: string; body: string }> = {
  enabled: {
    subject: `Two-factor authentication is on for your ${site.name} account`,
    heading: "Two-factor authentication is on",
    body: "From now on, signing in also asks for a code from your authenticator app (or a backup code).",
  },
  disabled: {
    subject: `Two-factor authentication was turned off for your ${site.name} account`,
    heading: "Two-factor authentication is off",
    body: "Signing in no longer asks for a code from your authenticator app. Your backup codes and remembered devices no longer work.",
  },
  "backup-codes-replaced": {
    subject: `New backup codes for your ${site.name} account`,
    heading: "Your backup codes were replaced",
    body: "A new set of backup codes was made; the old ones no longer work, and remembered devices will ask for a code again.",
  },
  "backup-code-used": {
    subject: `A backup code was used to sign in to your ${site.name} account`,
    heading: "A backup code was used",
    body: "Someone signed in to your account with one of your backup codes.",
  },
  "codes-paused": {
    subject: `Two-factor codes for your ${site.name} account were paused`,
    heading: "Too many wrong codes",
    body: "Someone who knew your first sign-in step entered too many wrong two-factor codes, so codes are paused for a while.",
  },
};

export function twoFactorNoticeSubject(kind: TwoFactorNoticeKind): string {
  return copy[kind].subject;
}

export function TwoFactorNotice({ kind, backupCodesLeft, settingsUrl }: TwoFactorNoticeProps) {
  const { heading, body } = copy[kind];
  return (
    <EmailLayout preview={heading}>
      <Heading style={styles.heading}>{heading}</Heading>
      <Text style={styles.text}>{body}</Text>
      {kind === "backup-code-used" ? (
        <Text style={styles.text}>You have {backupCodesLeft ?? 0} backup codes left.</Text>
      ) : null}
      <Text style={styles.text}>
        If this wasn&apos;t you, someone may know your password: change it, and check your two-factor settings.
      </Text>
      <ActionLink url={settingsUrl} label="Two-factor settings" />
    </EmailLayout>
  );
}

TwoFactorNotice.PreviewProps = {
  kind: "backup-code-used",
  backupCodesLeft: 9,
  settingsUrl: "http://localhost:3000/account/two-factor",
} satisfies TwoFactorNoticeProps;

export default TwoFactorNotice;
