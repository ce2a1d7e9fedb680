import type { Metadata } from "next";
import { headers } from "next/headers";
import { TooManyAttempts } from "@/components/auth/too-many-attempts";
import { Button } from "@/components/ui/button";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { emailSchema } from "@/lib/validation";
import { maskEmail, signInCallbackUrl } from "@/server/auth/magic-link";
import { isLiveSignInLink } from "@/server/auth/sign-in-secrets";
import { env } from "@/server/env";
import { clientIpFrom } from "@/server/security/client-ip";
import { limitCodeGuess } from "@/server/security/limits";
import { site } from "@/config/site";

export const metadata: Metadata = { title: "Confirm sign-in" };

function LinkProblem({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <PageCard title={title}>
      <p className="mt-3 text-gray-700 dark:text-gray-300">
        {children} <TextLink href="/sign-in">Request a new one</TextLink>.
      </p>
    </PageCard>
  );
}

/**
 * Where the emailed link lands. Opening it uses nothing up (mail scanners open links); only the
 * button, a same-origin POST to Auth.js's callback, signs in. Each opening counts as a try of the
 * address's emailed secrets (middleware has already refused repeated or non-canonical parameters).
 */
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; email?: string; callbackUrl?: string }>;
}) {
  const { token = "", email: rawEmail, callbackUrl } = await searchParams;
  const email = emailSchema.safeParse(rawEmail);
  const limit = await limitCodeGuess(email.success ? email.data : null, clientIpFrom(await headers()));
  if (!limit.ok) return <TooManyAttempts retryAfterSeconds={limit.retryAfterSeconds} />;
  if (!email.success || !(await isLiveSignInLink(email.data, token))) {
    return (
      <LinkProblem title="This sign-in link has expired or was already used">
        Links work once and only for {env.MAGIC_LINK_MAX_AGE_MINUTES} minutes.
      </LinkProblem>
    );
  }
  return (
    <PageCard title={`Sign in to ${site.name}`}>
      <p className="mt-3 mb-6 text-gray-700 dark:text-gray-300">
        Sign in as <strong>{maskEmail(email.data)}</strong>?
      </p>
      <form method="post" action={signInCallbackUrl(email.data, token, safeCallbackPath(callbackUrl))}>
        <Button type="submit">Sign in</Button>
      </form>
    </PageCard>
  );
}
