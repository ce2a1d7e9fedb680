import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { site } from "../../src/config/site";

/** Shared frame for every email: preview line, product name, content, footer. */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{site.name}</Text>
          <Section>{children}</Section>
          <Hr style={styles.hr} />
          <Text style={styles.footer}>
            You received this email because someone entered this address on {site.name}. If it wasn&apos;t you, you can
            ignore it safely. Questions? Write to {site.supportEmail}.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const styles = {
  body: { backgroundColor: "#f6f7f9", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" },
  container: {
    backgroundColor: "#ffffff",
    margin: "32px auto",
    padding: "32px",
    maxWidth: "480px",
    borderRadius: "8px",
  },
  brand: { fontSize: "14px", fontWeight: 700, letterSpacing: "0.04em", color: "#4338ca", margin: "0 0 24px" },
  heading: { fontSize: "22px", fontWeight: 700, color: "#111827", margin: "0 0 16px" },
  text: { fontSize: "15px", lineHeight: "24px", color: "#374151", margin: "0 0 16px" },
  button: {
    backgroundColor: "#4338ca",
    borderRadius: "6px",
    color: "#ffffff",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
    display: "inline-block",
  },
  code: { fontSize: "13px", color: "#4b5563", wordBreak: "break-all" as const },
  hr: { borderColor: "#e5e7eb", margin: "24px 0" },
  footer: { fontSize: "12px", lineHeight: "18px", color: "#6b7280", margin: 0 },
};
