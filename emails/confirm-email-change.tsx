import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";

export interface ConfirmEmailChangeProps {
  url: string;
  newEmail: string;
}

export const confirmEmailChangeSubject = "Confirm your new Gatehouse email address";

export function ConfirmEmailChange({ url, newEmail }: ConfirmEmailChangeProps) {
  return (
    <EmailLayout preview="Confirm your new email address">
      <Heading style={styles.heading}>Confirm your new email</Heading>
      <Text style={styles.text}>
        Confirm that <strong>{newEmail}</strong> should become the email address of your Gatehouse account. The
        link works once and expires in 60 minutes.
      </Text>
      <ActionLink url={url} label="Confirm new email" />
    </EmailLayout>
  );
}

ConfirmEmailChange.PreviewProps = {
  url: "http://localhost:3000/account/confirm-email?token=preview",
  newEmail: "ada@new.example",
} satisfies ConfirmEmailChangeProps;

export default ConfirmEmailChange;
