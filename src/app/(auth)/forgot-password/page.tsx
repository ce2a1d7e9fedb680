import type { Metadata } from "next";
import { DevOutboxNote } from "@/components/dev-outbox-note";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { readPendingEmail } from "@/server/mail/pending-email";
import { ForgotPasswordForm } from "./forgot-password-form";
import { formatDuration } from "@/lib/format";
import { TOKEN_LIFETIME_MINUTES } from "@/server/security/email-tokens";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  if ((await searchParams).sent) {
    const email = await readPendingEmail();
    return (
      <PageCard title="Check your email">
        <p className="mt-3 text-muted-foreground">
          If {email ? <strong className="break-all">{email}</strong> : "that address"} has an account, we sent it a link
          to choose a new password. The link works once and expires in{" "}
          {formatDuration(TOKEN_LIFETIME_MINUTES["reset-password"] * 60)}.
        </p>
        <p className="mt-3 text-sm text-muted-foreground">
          <TextLink href="/sign-in">Back to sign in</TextLink>
        </p>
        <DevOutboxNote />
      </PageCard>
    );
  }
  return (
    <PageCard title="Forgot your password?">
      <p className="mt-1 mb-6 text-sm text-muted-foreground">
        Enter your email and we&apos;ll send you a link to choose a new one.
      </p>
      <ForgotPasswordForm />
    </PageCard>
  );
}
