import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";
import { formatDuration } from "../src/lib/format";

export interface ConfirmEmailChangeProps {
  url: string;
  newEmail: string;
  expiresInMinutes: number;
}

export const confirmEmailChangeSubject = `Confirm your new ${site.name} email address`;

export function ConfirmEmailChange({ url, newEmail, expiresInMinutes }: ConfirmEmailChangeProps) {
  return (
    <EmailLayout preview="Confirm your new email address">
      <Heading style={styles.heading}>Confirm your new email</Heading>
      <Text style={styles.text}>
        Confirm that <strong>{newEmail}</strong> should become the email address of your {site.name} account. The link
        works once and expires in {formatDuration(expiresInMinutes * 60)}.
      </Text>
      <ActionLink url={url} label="Confirm new email" />
    </EmailLayout>
  );
}

ConfirmEmailChange.PreviewProps = {
  url: "http://localhost:3000/account/confirm-email?token=preview",
  newEmail: "ada@new.example",
  expiresInMinutes: 60,
} satisfies ConfirmEmailChangeProps;

export default ConfirmEmailChange;
