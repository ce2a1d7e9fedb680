import type { Metadata } from "next";
import { TooManyAttempts } from "@/components/auth/too-many-attempts";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { checkResetToken } from "@/server/account/password-reset";
import { currentClientIp } from "@/server/security/client-ip";
import { forgiveSecretTry, limitSecretTry } from "@/server/security/limits";
import { ResetPasswordForm } from "./reset-password-form";
import { formatDuration } from "@/lib/format";
import { TOKEN_LIFETIME_MINUTES } from "@/server/security/email-tokens";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const linkTry = { kind: "link", ip: await currentClientIp() } as const;
  const limit = token ? await limitSecretTry(linkTry) : null;
  if (limit && !limit.ok) return <TooManyAttempts retryAfterSeconds={limit.retryAfterSeconds} />;
  const check = token ? await checkResetToken(token) : null;
  if (!token || !check?.ok) {
    return (
      <PageCard title="This reset link doesn't work">
        <p className="mt-3 text-muted-foreground">
          It has expired, was already used, or was copied incompletely. Reset links work once, for{" "}
          {formatDuration(TOKEN_LIFETIME_MINUTES["reset-password"] * 60)}.
        </p>
        <p className="mt-4">
          <TextLink href="/forgot-password">Request a new link</TextLink>
        </p>
      </PageCard>
    );
  }
  await forgiveSecretTry(linkTry);
  return (
    <PageCard title="Choose a new password">
      <p className="mt-1 mb-6 text-sm text-muted-foreground">
        For <strong className="break-all">{check.email}</strong>. You&apos;ll be signed out everywhere else.
      </p>
      <ResetPasswordForm token={token} email={check.email} />
    </PageCard>
  );
}
