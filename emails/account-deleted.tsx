import { Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./components/email-layout";
import { site } from "../src/config/site";

export const accountDeletedSubject = `Your ${site.name} account was deleted`;

export function AccountDeleted() {
  return (
    <EmailLayout preview="Your account was deleted">
      <Heading style={styles.heading}>Goodbye for now</Heading>
      <Text style={styles.text}>
        Your {site.name} account and everything linked to it (sign-in methods and sessions) were deleted. Thanks for
        trying {site.name}.
      </Text>
      <Text style={styles.text}>You can create a new account with this address at any time.</Text>
    </EmailLayout>
  );
}

export default AccountDeleted;
