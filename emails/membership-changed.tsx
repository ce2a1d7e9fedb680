import { Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export type MembershipChange = { kind: "role-changed"; role: string } | { kind: "removed" };

export interface MembershipChangedProps {
  organizationName: string;
  change: MembershipChange;
}

export const membershipChangedSubject = (organizationName: string, change: MembershipChange) =>
  change.kind === "removed"
    ? `You were removed from ${organizationName} on ${site.name}`
    : `Your role in ${organizationName} on ${site.name} changed`;

/** Sent to a member when an admin or owner changes their role or removes them. */
export function MembershipChanged({ organizationName, change }: MembershipChangedProps) {
  const removed = change.kind === "removed";
  return (
    <EmailLayout preview={removed ? `You no longer belong to ${organizationName}` : `You are now ${change.role}`}>
      <Heading style={styles.heading}>{removed ? "You were removed" : "Your role changed"}</Heading>
      <Text style={styles.text}>
        {removed ? (
          <>
            You no longer belong to <strong>{organizationName}</strong> on {site.name}.
          </>
        ) : (
          <>
            You are now {change.role === "admin" || change.role === "owner" ? "an" : "a"} {change.role} of{" "}
            <strong>{organizationName}</strong> on {site.name}.
          </>
        )}
      </Text>
      <Text style={styles.text}>If you think this is a mistake, ask an owner of the organization.</Text>
    </EmailLayout>
  );
}

MembershipChanged.PreviewProps = {
  organizationName: "Acme",
  change: { kind: "role-changed", role: "admin" },
} satisfies MembershipChangedProps;

export default MembershipChanged;
