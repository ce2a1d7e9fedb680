import { Heading, Text } from "@react-email/components";
import { ActionLink } from "./components/action-link";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export interface OrgInvitationProps {
  url: string;
  organizationName: string;
  inviterName: string;
  role: string;
  expiresInDays: number;
}

export const orgInvitationSubject = (organizationName: string) =>
  `You're invited to join ${organizationName} on ${site.name}`;

/** An invitation to an organization; the link names a one-time token (src/server/orgs/invitations.ts). */
export function OrgInvitation({ url, organizationName, inviterName, role, expiresInDays }: OrgInvitationProps) {
  return (
    <EmailLayout preview={`Join ${organizationName} on ${site.name}`}>
      <Heading style={styles.heading}>Join {organizationName}</Heading>
      <Text style={styles.text}>
        {inviterName} invited you to join <strong>{organizationName}</strong> on {site.name} as{" "}
        {role === "admin" ? "an" : "a"} {role}.
      </Text>
      <ActionLink url={url} label="View the invitation" />
      <Text style={styles.text}>
        The invitation is for this email address and expires in {expiresInDays} days. You can accept or decline it on
        the page the link opens.
      </Text>
    </EmailLayout>
  );
}

OrgInvitation.PreviewProps = {
  url: "http://localhost:3000/invite/example-token",
  organizationName: "Acme",
  inviterName: "Grace Hopper",
  role: "member",
  expiresInDays: 7,
} satisfies OrgInvitationProps;

export default OrgInvitation;
