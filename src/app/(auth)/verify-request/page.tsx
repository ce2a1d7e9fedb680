import type { Metadata } from "next";
import Link from "next/link";
import { DevOutboxNote } from "@/components/dev-outbox-note";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import { env } from "@/server/env";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { readPendingEmail } from "@/server/pending-email";
import { signInWithCodeAction } from "../actions";

export const metadata: Metadata = { title: "Check your email" };

export default async function VerifyRequestPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const email = await readPendingEmail();
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  return (
    <Card>
      <h1 className="text-2xl font-bold tracking-tight">Check your email</h1>
      <p className="mt-3 text-gray-700 dark:text-gray-300">
        We sent a sign-in link to {email ? <strong className="break-all">{email}</strong> : "your email address"}. It
        works once and expires in {env.MAGIC_LINK_MAX_AGE_MINUTES} minutes.
      </p>
      {email ? (
        <div className="mt-6">
          <p className="mb-3 text-sm text-gray-700 dark:text-gray-300">
            Reading your email on another device? Type the 6-digit code from it here instead:
          </p>
          <ActionForm
            action={signInWithCodeAction}
            ariaLabel="Sign in with a code"
            fields={[
              { name: "email", label: "", type: "hidden", defaultValue: email },
              { name: "callbackUrl", label: "", type: "hidden", defaultValue: callbackUrl },
              { name: "code", label: "6-digit code", inputMode: "numeric", autoComplete: "one-time-code" },
            ]}
            submitLabel="Sign in"
            pendingLabel="Checking…"
          />
        </div>
      ) : null}
      <p className="mt-3 text-sm text-gray-600 dark:text-gray-400">
        No email after a minute? Check your spam folder, or{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline dark:text-brand-100">
          use a different address
        </Link>
        .
      </p>
      <DevOutboxNote />
    </Card>
  );
}
