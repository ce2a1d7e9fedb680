import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export interface AccountConnectedProps {
  /** "GitHub" */
  provider: string;
  securityUrl: string;
}

export const accountConnectedSubject = `A new sign-in method was added to your ${site.name} account`;

/** Sent when a GitHub account is connected: a new way into the account. */
export function AccountConnected({ provider, securityUrl }: AccountConnectedProps) {
  return (
    <EmailLayout preview={`${provider} can now sign in to your account`}>
      <Heading style={styles.heading}>{provider} was connected to your account</Heading>
      <Text style={styles.text}>
        You can now sign in to {site.name} with {provider}. For your safety, your other devices were signed out.
      </Text>
      <Text style={styles.text}>
        If this wasn&apos;t you, sign in, disconnect {provider} from your account settings and change your password.
        Your security log shows where it happened:
      </Text>
      <ActionLink url={securityUrl} label="Review your security log" />
    </EmailLayout>
  );
}

AccountConnected.PreviewProps = {
  provider: "GitHub",
  securityUrl: "http://localhost:3000/account/security",
} satisfies AccountConnectedProps;

export default AccountConnected;
