import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export interface PasswordChangedProps {
  resetUrl: string;
  /** "changed" after a change or reset, "set" when the account had none. */
  kind: "changed" | "set";
}

export const passwordChangedSubject = `Your ${site.name} password was changed`;

export function PasswordChanged({ resetUrl, kind }: PasswordChangedProps) {
  return (
    <EmailLayout preview={`Your password was ${kind}`}>
      <Heading style={styles.heading}>Your password was {kind}</Heading>
      <Text style={styles.text}>
        The password for your {site.name} account was just {kind}. Other devices were signed out.
      </Text>
      <Text style={styles.text}>If this wasn&apos;t you, reset your password now and review your account:</Text>
      <ActionLink url={resetUrl} label="Reset password" />
    </EmailLayout>
  );
}

PasswordChanged.PreviewProps = {
  resetUrl: "http://localhost:3000/forgot-password",
  kind: "changed",
} satisfies PasswordChangedProps;

export default PasswordChanged;
