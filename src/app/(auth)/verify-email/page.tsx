import type { Metadata } from "next";
import { TooManyAttempts } from "@/components/auth/too-many-attempts";
import { DevOutboxNote } from "@/components/dev-outbox-note";
import { ResendVerificationForm, VerifyCodeForm } from "@/components/auth/email-verification-forms";
import { ButtonForm } from "@/components/forms/button-form";
import { Alert } from "@/components/ui/alert";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { checkToken } from "@/server/security/email-tokens";
import { readPendingEmail } from "@/server/mail/pending-email";
import { currentClientIp } from "@/server/security/client-ip";
import { forgiveSecretTry, limitSecretTry } from "@/server/security/limits";
import { confirmEmailAction } from "@/actions/email-verification";

export const metadata: Metadata = { title: "Confirm your email" };

/** Opening the link only shows a button: mail scanners that fetch links can't use the token. */
async function ConfirmWithLink({ token }: { token: string }) {
  const linkTry = { kind: "link", ip: await currentClientIp() } as const;
  const limit = await limitSecretTry(linkTry);
  if (!limit.ok) return <TooManyAttempts retryAfterSeconds={limit.retryAfterSeconds} />;
  const check = await checkToken("verify-email", token);
  if (!check.ok) {
    return (
      <PageCard title="This confirmation link doesn't work">
        <p className="mt-3 text-muted-foreground">
          It has expired, was already used, or a newer one was sent. Sign in with your password to get a new one, or{" "}
          <TextLink href="/verify-email">enter a code</TextLink>.
        </p>
      </PageCard>
    );
  }
  await forgiveSecretTry(linkTry);
  return (
    <PageCard title="Confirm your email">
      <p className="mt-3 mb-6 text-muted-foreground">
        Confirm <strong className="break-all">{check.email}</strong> to finish setting up your account.
      </p>
      <ButtonForm
        action={confirmEmailAction}
        label="Confirm your email"
        values={{ token }}
        submitLabel="Confirm my email"
        pendingLabel="Confirming…"
      />
      <p className="mt-4 text-sm text-muted-foreground">
        Didn&apos;t sign up? Don&apos;t confirm: someone else entered your address. Close this page, and the account
        will never be usable.
      </p>
    </PageCard>
  );
}

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; resent?: string }>;
}) {
  const { token, resent } = await searchParams;
  if (token) return <ConfirmWithLink token={token} />;
  const email = await readPendingEmail();
  return (
    <PageCard title="Check your email">
      <p className="mt-3 text-muted-foreground">
        If {email ? <strong className="break-all">{email}</strong> : "that address"} can be used for a new account, we
        sent it a confirmation link and a 6-digit code. If it already has an account, we sent a sign-in reminder
        instead.
      </p>
      {resent ? (
        <div className="mt-4">
          <Alert tone="info">If there is an unconfirmed account for that address, we sent a new link and code.</Alert>
        </div>
      ) : null}
      <div className="mt-6">
        <VerifyCodeForm email={email} />
      </div>
      <details className="mt-6 text-sm">
        <summary className="cursor-pointer font-medium">Didn&apos;t get the email?</summary>
        <div className="mt-3">
          <ResendVerificationForm email={email} />
        </div>
      </details>
      <DevOutboxNote />
    </PageCard>
  );
}
