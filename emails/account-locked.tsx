import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export interface AccountLockedProps {
  minutes: number;
  resetUrl: string;
}

export const accountLockedSubject = `Password sign-in to your ${site.name} account was paused`;

export function AccountLocked({ minutes, resetUrl }: AccountLockedProps) {
  return (
    <EmailLayout preview="Too many wrong passwords">
      <Heading style={styles.heading}>Password sign-in paused</Heading>
      <Text style={styles.text}>
        Someone entered the wrong password for your account too many times, so password sign-in is paused for {minutes}{" "}
        minutes. You can still sign in with an email link.
      </Text>
      <Text style={styles.text}>If this wasn&apos;t you, consider choosing a new password:</Text>
      <ActionLink url={resetUrl} label="Reset password" />
    </EmailLayout>
  );
}

AccountLocked.PreviewProps = {
  minutes: 15,
  resetUrl: "http://localhost:3000/forgot-password",
} satisfies AccountLockedProps;

export default AccountLocked;
