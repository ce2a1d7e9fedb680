import type { Metadata } from "next";
import { TooManyAttempts } from "@/components/auth/too-many-attempts";
import { ButtonForm } from "@/components/forms/button-form";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { checkEmailChangeToken } from "@/server/account/email-change";
import { requireSession } from "@/server/sessions/current";
import { currentClientIp } from "@/server/security/client-ip";
import { forgiveSecretTry, limitSecretTry } from "@/server/security/limits";
import { confirmEmailChangeAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your new email" };

export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const session = await requireSession(`/account/confirm-email?token=${encodeURIComponent(token)}`);
  const linkTry = { kind: "link", ip: await currentClientIp() } as const;
  const limit = await limitSecretTry(linkTry);
  if (!limit.ok) return <TooManyAttempts retryAfterSeconds={limit.retryAfterSeconds} />;
  const check = await checkEmailChangeToken(token);
  if (!check.ok || check.userId !== session.user.id) {
    return (
      <PageCard title="This link doesn't work" className="mx-auto max-w-md">
        <p className="mt-3 text-muted-foreground">
          It has expired, was already used, or belongs to another account. Request a new one from{" "}
          <TextLink href="/account">account settings</TextLink>.
        </p>
      </PageCard>
    );
  }
  await forgiveSecretTry(linkTry);
  return (
    <PageCard title="Confirm your new email" className="mx-auto max-w-md">
      <p className="mt-3 mb-6 text-muted-foreground">
        Change your account&apos;s email from {session.user.email} to{" "}
        <strong className="break-all">{check.email}</strong>?
      </p>
      <ButtonForm
        action={confirmEmailChangeAction}
        label="Confirm new email"
        values={{ token }}
        submitLabel="Use this email"
        pendingLabel="Saving…"
      />
    </PageCard>
  );
}
