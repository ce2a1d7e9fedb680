import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export interface ResetPasswordProps {
  url: string;
  expiresInMinutes: number;
}

export const resetPasswordSubject = `Reset your ${site.name} password`;

export function ResetPassword({ url, expiresInMinutes }: ResetPasswordProps) {
  return (
    <EmailLayout preview="Reset your password">
      <Heading style={styles.heading}>Reset your password</Heading>
      <Text style={styles.text}>
        We received a request to reset your password. The link works once and expires in {expiresInMinutes} minutes.
      </Text>
      <ActionLink url={url} label="Choose a new password" />
      <Text style={styles.text}>If you didn&apos;t ask for this, ignore this email; your password stays the same.</Text>
    </EmailLayout>
  );
}

ResetPassword.PreviewProps = {
  url: "http://localhost:3000/reset-password?token=preview",
  expiresInMinutes: 30,
} satisfies ResetPasswordProps;

export default ResetPassword;
