import type { Metadata } from "next";
import { GitHubButton } from "@/components/auth/github-button";
import { MagicLinkForm } from "@/components/auth/magic-link-form";
import { PasskeySignIn } from "@/components/auth/passkey-sign-in";
import { PasswordSignInForm } from "@/components/auth/password-sign-in-form";
import { Alert } from "@/components/ui/alert";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { describeAuthError } from "@/lib/auth-errors";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { env } from "@/server/env";
import { passkeySignInOptions } from "@/server/passkeys/sign-in";
import { invitedEmail, INVITATION_PATH } from "@/server/orgs/invitation-cookie";
import { site } from "@/config/site";

export const metadata: Metadata = { title: "Sign in" };

function Divider({ label }: { label: string }) {
  return (
    <div className="my-6 flex items-center gap-3 text-xs tracking-wide text-muted-foreground uppercase">
      <span className="h-px flex-1 bg-border" />
      {label}
      <span className="h-px flex-1 bg-border" />
    </div>
  );
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl: rawCallbackUrl, error } = await searchParams;
  const callbackUrl = safeCallbackPath(rawCallbackUrl);
  const problem = error ? describeAuthError(error) : null;
  const autofill = await passkeySignInOptions();
  const defaultEmail = callbackUrl === INVITATION_PATH ? await invitedEmail() : undefined;
  const signUpHref =
    callbackUrl === safeCallbackPath(undefined)
      ? "/sign-up"
      : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <PageCard title={`Sign in to ${site.name}`}>
      <p className="mt-1 text-sm text-muted-foreground">
        New here? <TextLink href={signUpHref}>Create an account</TextLink>
      </p>

      {problem ? (
        <div className="mt-6">
          <Alert title={problem.title}>{problem.message}</Alert>
        </div>
      ) : null}

      <div className="mt-6 space-y-3">
        <PasskeySignIn callbackUrl={callbackUrl} autofillOptions={autofill} />
        {env.github ? <GitHubButton callbackUrl={callbackUrl} /> : null}
      </div>
      <Divider label="or" />

      <MagicLinkForm callbackUrl={callbackUrl} defaultEmail={defaultEmail} />

      <Divider label="or use a password" />

      <PasswordSignInForm callbackUrl={callbackUrl} defaultEmail={defaultEmail} />
    </PageCard>
  );
}
