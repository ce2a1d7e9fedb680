import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "@/actions/sign-out";
import { PageCard } from "@/components/ui/page-card";
import { SIGN_IN_PATH } from "@/lib/routes";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getPendingSession } from "@/server/sessions/current";
import { REMEMBER_DEVICE_DAYS } from "@/server/two-factor/remembered-devices";
import { TwoFactorForm } from "./two-factor-form";

export const metadata: Metadata = { title: "Two-factor authentication" };

/**
 * The second step of signing in, for accounts with two-factor on. Only a session waiting for its
 * second factor reaches this page (middleware); it works without JavaScript.
 */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const session = await getPendingSession();
  if (!session) redirect(SIGN_IN_PATH);
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);

  return (
    <PageCard title="Two-factor authentication" className="mx-auto max-w-md">
      <p className="mt-3 mb-6 text-muted-foreground">
        Enter the 6-digit code from your authenticator app for <strong>{session.user.email}</strong>. Lost your phone?
        Enter one of your backup codes instead.
      </p>
      <TwoFactorForm callbackUrl={callbackUrl} rememberDays={REMEMBER_DEVICE_DAYS} />
      <form action={signOutAction} className="mt-6 text-sm">
        <button type="submit" className="font-medium text-primary underline">
          Cancel and sign out
        </button>
      </form>
    </PageCard>
  );
}
