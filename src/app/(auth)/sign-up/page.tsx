import type { Metadata } from "next";
import Link from "next/link";
import { GitHubButton } from "@/components/auth/github-button";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { PASSWORD_MIN_LENGTH } from "@/lib/password-rules";
import { env } from "@/server/env";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  return (
    <Card>
      <h1 className="text-2xl font-bold tracking-tight">Create your account</h1>
      <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
        Already have one?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline dark:text-brand-100">
          Sign in
        </Link>
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
    </Card>
  );
}
