import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export interface ApiTokenChangedProps {
  /** "created": a new key to the account's API; "revoked": one fewer. */
  kind: "created" | "revoked";
  /** The token's name as its owner gave it. */
  tokenName: string;
  tokensUrl: string;
}

export function apiTokenChangedSubject(kind: ApiTokenChangedProps["kind"]): string {
  return kind === "created"
    ? `A new API token was created for your ${site.name} account`
    : `An API token was revoked on your ${site.name} account`;
}

/** Sent when an API token is created or revoked. */
export function ApiTokenChanged({ kind, tokenName, tokensUrl }: ApiTokenChangedProps) {
  return (
    <EmailLayout preview={kind === "created" ? "A new API token can act for you" : "An API token was revoked"}>
      <Heading style={styles.heading}>
        {kind === "created" ? "A new API token was created" : "An API token was revoked"}
      </Heading>
      <Text style={styles.text}>
        {kind === "created"
          ? `The API token “${tokenName}” can now call the ${site.name} API for you, until it expires or is revoked.`
          : `The API token “${tokenName}” can no longer call the ${site.name} API.`}
      </Text>
      <Text style={styles.text}>
        {kind === "created"
          ? "If this wasn't you, sign in, revoke the token and change your password. Your tokens are listed here:"
          : "If this wasn't you, sign in and review your tokens and your security log:"}
      </Text>
      <ActionLink url={tokensUrl} label="Review your API tokens" />
    </EmailLayout>
  );
}

ApiTokenChanged.PreviewProps = {
  kind: "created",
  tokenName: "Deploy script",
  tokensUrl: "http://localhost:3000/account/api-tokens",
} satisfies ApiTokenChangedProps;

export default ApiTokenChanged;
