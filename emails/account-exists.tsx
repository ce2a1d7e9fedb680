import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export interface AccountExistsProps {
  signInUrl: string;
  resetUrl: string;
}

export const accountExistsSubject = `You already have a ${site.name} account`;

/** Sent instead of a verification email when someone signs up with an address that has an account. */
export function AccountExists({ signInUrl, resetUrl }: AccountExistsProps) {
  return (
    <EmailLayout preview="Someone tried to sign up with this address">
      <Heading style={styles.heading}>You already have an account</Heading>
      <Text style={styles.text}>
        Someone (hopefully you) tried to create a {site.name} account with this email address, but it already has one.
        Sign in instead:
      </Text>
      <ActionLink url={signInUrl} label="Sign in" />
      <Text style={styles.text}>
        Forgot your password? <a href={resetUrl}>Reset it here</a>. If this wasn&apos;t you, no action is needed.
      </Text>
    </EmailLayout>
  );
}

AccountExists.PreviewProps = {
  signInUrl: "http://localhost:3000/sign-in",
  resetUrl: "http://localhost:3000/forgot-password",
} satisfies AccountExistsProps;

export default AccountExists;
