import { Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export interface EmailChangedProps {
  newEmail: string;
}

export const emailChangedSubject = `Your ${site.name} email address was changed`;

/** Sent to the old address after an email change. */
export function EmailChanged({ newEmail }: EmailChangedProps) {
  return (
    <EmailLayout preview="Your email address was changed">
      <Heading style={styles.heading}>Your email address was changed</Heading>
      <Text style={styles.text}>
        Your {site.name} account now uses <strong>{newEmail}</strong>. You will no longer receive account email at this
        address.
      </Text>
      <Text style={styles.text}>If you didn&apos;t make this change, contact support right away.</Text>
    </EmailLayout>
  );
}

EmailChanged.PreviewProps = { newEmail: "ada@new.example" } satisfies EmailChangedProps;

export default EmailChanged;
