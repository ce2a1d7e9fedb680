import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export interface PasskeyChangedProps {
  /** "added": a new way into the account; "removed": one less. */
  kind: "added" | "removed";
  /** The passkey's name as the owner sees it on the passkeys page. */
  passkeyName: string;
  passkeysUrl: string;
}

export function passkeyChangedSubject(kind: PasskeyChangedProps["kind"]): string {
  return kind === "added"
    ? `A passkey was added to your ${site.name} account`
    : `A passkey was removed from your ${site.name} account`;
}

/** Sent when a passkey is added to or removed from an account. */
export function PasskeyChanged({ kind, passkeyName, passkeysUrl }: PasskeyChangedProps) {
  return (
    <EmailLayout preview={kind === "added" ? "A new passkey can sign in to your account" : "A passkey was removed"}>
      <Heading style={styles.heading}>{kind === "added" ? "A passkey was added" : "A passkey was removed"}</Heading>
      <Text style={styles.text}>
        {kind === "added"
          ? `The passkey “${passkeyName}” can now sign in to your ${site.name} account.`
          : `The passkey “${passkeyName}” can no longer sign in to your ${site.name} account.`}
      </Text>
      <Text style={styles.text}>
        {kind === "added"
          ? "If this wasn't you, sign in, remove the passkey and change your password. Your passkeys are listed here:"
          : "If this wasn't you, sign in and review your passkeys and your security log:"}
      </Text>
      <ActionLink url={passkeysUrl} label="Review your passkeys" />
    </EmailLayout>
  );
}

PasskeyChanged.PreviewProps = {
  kind: "added",
  passkeyName: "Chrome on macOS",
  passkeysUrl: "http://localhost:3000/account/passkeys",
} satisfies PasskeyChangedProps;

export default PasskeyChanged;
