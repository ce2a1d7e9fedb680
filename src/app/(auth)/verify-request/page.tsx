import type { Metadata } from "next";
import { DevOutboxNote } from "@/components/dev-outbox-note";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { env } from "@/server/env";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { readPendingEmail } from "@/server/mail/pending-email";
import { rateLimitMessage } from "@/lib/format";

export const metadata: Metadata = { title: "Check your email" };

export default async function VerifyRequestPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; retryAfter?: string }>;
}) {
  const email = await readPendingEmail();
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const codeError =
    params.error === "rate-limited"
      ? rateLimitMessage(Number(params.retryAfter) || 60)
      : params.error === "invalid-code"
        ? "That code is wrong or has expired. Check the email, or request a new one."
        : undefined;
  return (
    <PageCard title="Check your email">
      <p className="mt-3 text-muted-foreground">
        We sent a sign-in link to {email ? <strong className="break-all">{email}</strong> : "your email address"}. It
        works once and expires in {env.MAGIC_LINK_MAX_AGE_MINUTES} minutes.
      </p>
      {email ? (
        <div className="mt-6">
          <p className="mb-3 text-sm text-muted-foreground">
            Reading your email on another device? Type the 6-digit code from it here instead:
          </p>
          {/* A plain form: it posts to a route handler that hands over to Auth.js's callback. */}
          <form method="post" action="/sign-in/code" aria-label="Sign in with a code" className="space-y-4">
            <input type="hidden" name="email" value={email} />
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <Field
              label="6-digit code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              error={codeError}
            />
            <Button type="submit">Sign in</Button>
          </form>
        </div>
      ) : null}
      <p className="mt-3 text-sm text-muted-foreground">
        No email after a minute? Check your spam folder, or <TextLink href="/sign-in">use a different address</TextLink>
        .
      </p>
      <DevOutboxNote />
    </PageCard>
  );
}
