import type { Metadata } from "next";
import { GitHubButton } from "@/components/auth/github-button";
import { ActionForm } from "@/components/forms/action-form";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { PASSWORD_MIN_LENGTH } from "@/lib/password-rules";
import { env } from "@/server/env";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  return (
    <PageCard title="Create your account">
      <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
        Already have one?{" "}
        <TextLink href="/sign-in">
          Sign in
        </TextLink>
      </p>
      {env.github ? (
        <div className="mt-6">
          <GitHubButton callbackUrl={callbackUrl} />
        </div>
      ) : null}
      <div className="mt-6">
        <ActionForm
          action={signUpAction}
          ariaLabel="Create an account"
          fields={[
            { name: "name", label: "Name (optional)", autoComplete: "name" },
            { name: "email", label: "Email", type: "email", autoComplete: "email" },
            {
              name: "password",
              label: "Password",
              newPassword: true,
              hint: `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`,
            },
          ]}
          submitLabel="Create account"
          pendingLabel="Creating account…"
        />
      </div>
    </PageCard>
  );
}
