import { Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export interface StepUpCodeProps {
  code: string;
  expiresInMinutes: number;
}

export const stepUpCodeSubject = `Your ${site.name} confirmation code`;

/** Sent when a signed-in user without a password confirms it is them before a sensitive change. */
export function StepUpCode({ code, expiresInMinutes }: StepUpCodeProps) {
  return (
    <EmailLayout preview={`Your confirmation code is ${code}`}>
      <Heading style={styles.heading}>Confirm it&apos;s you</Heading>
      <Text style={styles.text}>
        Enter this code in {site.name} to continue changing your account&apos;s sign-in settings. It works once and
        expires in {expiresInMinutes} minutes.
      </Text>
      <Text style={{ ...styles.heading, letterSpacing: "0.3em" }}>{code}</Text>
      <Text style={styles.text}>
        Didn&apos;t ask for it? Someone signed in to your account may be trying to change it: sign out your other
        sessions and change your password.
      </Text>
    </EmailLayout>
  );
}

StepUpCode.PreviewProps = { code: "482913", expiresInMinutes: 10 } satisfies StepUpCodeProps;

export default StepUpCode;
