import { Button, Link, Section, Text } from "@react-email/components";
import { styles } from "./email-layout";

/** The call-to-action button, plus the raw link for mail clients that block buttons. */
export function ActionLink({ url, label }: { url: string; label: string }) {
  return (
    <>
      <Section style={{ margin: "24px 0" }}>
        <Button href={url} style={styles.button}>
          {label}
        </Button>
      </Section>
      <Text style={styles.text}>Or copy this link into your browser:</Text>
      <Text style={styles.code}>
        <Link href={url}>{url}</Link>
      </Text>
    </>
  );
}
