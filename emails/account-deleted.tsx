import { Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./components/email-layout";

export const accountDeletedSubject = "Your Gatehouse account was deleted";

export function AccountDeleted() {
  return (
    <EmailLayout preview="Your account was deleted">
      <Heading style={styles.heading}>Goodbye for now</Heading>
      <Text style={styles.text}>
        Your Gatehouse account and everything linked to it (sign-in methods and sessions) were deleted. Thanks for
        trying Gatehouse.
      </Text>
      <Text style={styles.text}>You can create a new account with this address at any time.</Text>
    </EmailLayout>
  );
}

export default AccountDeleted;
