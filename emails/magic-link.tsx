import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";

export interface MagicLinkEmailProps {
  url: string;
  email: string;
  expiresInMinutes: number;
}

export const magicLinkSubject = "Your Gatehouse sign-in link";

export function MagicLinkEmail({ url, email, expiresInMinutes }: MagicLinkEmailProps) {
  return (
    <EmailLayout preview="Your sign-in link for Gatehouse">
      <Heading style={styles.heading}>Sign in to Gatehouse</Heading>
      <Text style={styles.text}>
        Click the button below to sign in as <strong>{email}</strong>. The link works once and expires in{" "}
        {expiresInMinutes} minutes.
      </Text>
      <ActionLink url={url} label="Sign in" />
    </EmailLayout>
  );
}

MagicLinkEmail.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/resend?token=preview&email=ada%40example.com",
  email: "ada@example.com",
  expiresInMinutes: 15,
} satisfies MagicLinkEmailProps;

export default MagicLinkEmail;
