import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { formatDuration } from "../src/lib/format";
import { site } from "../src/config/site";

export interface VerifyEmailProps {
  url: string;
  code: string;
  expiresInMinutes: number;
}

export const verifyEmailSubject = `Confirm your email for ${site.name}`;

export function VerifyEmail({ url, code, expiresInMinutes }: VerifyEmailProps) {
  return (
    <EmailLayout preview={`Your confirmation code is ${code}`}>
      <Heading style={styles.heading}>Confirm your email</Heading>
      <Text style={styles.text}>Thanks for signing up. Confirm this address to finish creating your account.</Text>
      <ActionLink url={url} label="Confirm email" />
      <Text style={styles.text}>Or enter this code on the confirmation page:</Text>
      <Text style={{ ...styles.heading, letterSpacing: "0.3em" }}>{code}</Text>
      <Text style={styles.text}>
        The link and code work once and expire in {formatDuration(expiresInMinutes * 60)}.
      </Text>
      <Text style={styles.text}>
        Didn&apos;t sign up? Don&apos;t confirm: someone else entered your address, and without your confirmation the
        account can never be used.
      </Text>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  url: "http://localhost:3000/verify-email?token=preview",
  code: "482913",
  expiresInMinutes: 24 * 60,
} satisfies VerifyEmailProps;

export default VerifyEmail;
