import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";

export interface VerifyEmailProps {
  url: string;
  code: string;
}

export const verifyEmailSubject = "Confirm your email for Gatehouse";

export function VerifyEmail({ url, code }: VerifyEmailProps) {
  return (
    <EmailLayout preview={`Your confirmation code is ${code}`}>
      <Heading style={styles.heading}>Confirm your email</Heading>
      <Text style={styles.text}>Thanks for signing up. Confirm this address to finish creating your account.</Text>
      <ActionLink url={url} label="Confirm email" />
      <Text style={styles.text}>Or enter this code on the confirmation page:</Text>
      <Text style={{ ...styles.heading, letterSpacing: "0.3em" }}>{code}</Text>
      <Text style={styles.text}>The link and code work once and expire in 24 hours.</Text>
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
} satisfies VerifyEmailProps;

export default VerifyEmail;
