import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export interface MagicLinkEmailProps {
  url: string;
  /** A second secret beside the link, to type on the device that asked. */
  code: string;
  email: string;
  expiresInMinutes: number;
}

export const magicLinkSubject = `Your ${site.name} sign-in link`;

export function MagicLinkEmail({ url, code, email, expiresInMinutes }: MagicLinkEmailProps) {
  return (
    <EmailLayout preview={`Your sign-in code is ${code}`}>
      <Heading style={styles.heading}>Sign in to {site.name}</Heading>
      <Text style={styles.text}>
        Use the button below to sign in as <strong>{email}</strong>. The link and the code expire in {expiresInMinutes}{" "}
        minutes, and using one of them uses up both.
      </Text>
      <ActionLink url={url} label="Sign in" />
      <Text style={styles.text}>Or type this code on the device where you asked to sign in:</Text>
      <Text style={{ ...styles.heading, letterSpacing: "0.3em" }}>{code}</Text>
    </EmailLayout>
  );
}

MagicLinkEmail.PreviewProps = {
  url: "http://localhost:3000/sign-in/confirm?token=5f0c3a9e1b7d4c2a8e6f0b1d3c5a7e9f2b4d6f8a0c2e4a6b8d0f2a4c6e8b0d2f&email=ada%40example.com",
  code: "482913",
  email: "ada@example.com",
  expiresInMinutes: 15,
} satisfies MagicLinkEmailProps;

export default MagicLinkEmail;
