import type { Metadata } from "next";
import { GitHubButton } from "@/components/auth/github-button";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { env } from "@/server/env";
import { invitedEmail, INVITATION_PATH } from "@/server/orgs/invitation-cookie";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  const defaultEmail = callbackUrl === INVITATION_PATH ? await invitedEmail() : undefined;
  const signInHref =
    callbackUrl === safeCallbackPath(undefined)
      ? "/sign-in"
      : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <PageCard title="Create your account">
      <p className="mt-1 text-sm text-muted-foreground">
        Already have one? <TextLink href={signInHref}>Sign in</TextLink>
      </p>
      {env.github ? (
        <div className="mt-6">
          <GitHubButton callbackUrl={callbackUrl} />
        </div>
      ) : null}
      <div className="mt-6">
        <SignUpForm defaultEmail={defaultEmail} />
      </div>
    </PageCard>
  );
}
