import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { PageCard } from "@/components/ui/page-card";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getAccountOverview } from "@/server/account-settings";
import { requireSession } from "@/server/auth-session";
import { STEP_UP_WINDOW_SECONDS } from "@/server/auth/step-up";
import { sendStepUpCodeAction, stepUpWithCodeAction, stepUpWithPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Confirm it's you" };

/** Step-up: a sensitive change sent the user here because their sign-in is not recent. */
export default async function ReauthenticatePage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; sent?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, "/account");
  const session = await requireSession(`/account/reauthenticate?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const { methods } = await getAccountOverview(session.user.id);
  const hidden = { name: "callbackUrl", label: "", type: "hidden" as const, defaultValue: callbackUrl };

  return (
    <PageCard title="Confirm it's you" className="mx-auto max-w-md">
      <p className="mt-3 mb-6 text-gray-700 dark:text-gray-300">
        You are about to change how you sign in. Because you signed in more than {STEP_UP_WINDOW_SECONDS / 60} minutes
        ago, confirm it&apos;s you first.
      </p>
      {methods.password && !params.sent ? (
        <ActionForm
          action={stepUpWithPasswordAction}
          ariaLabel="Confirm with your password"
          fields={[{ name: "password", label: "Your password", type: "password", autoComplete: "current-password" }, hidden]}
          submitLabel="Continue"
          pendingLabel="Checking…"
        />
      ) : null}
      {params.sent ? (
        <ActionForm
          action={stepUpWithCodeAction}
          ariaLabel="Confirm with the emailed code"
          fields={[
            { name: "code", label: "6-digit code from the email", inputMode: "numeric", autoComplete: "one-time-code" },
            hidden,
          ]}
          submitLabel="Continue"
          pendingLabel="Checking…"
        />
      ) : null}
      <div className={methods.password || params.sent ? "mt-6" : undefined}>
        <ActionForm
          action={sendStepUpCodeAction}
          ariaLabel="Email me a code"
          fields={[hidden]}
          submitLabel={params.sent ? "Send a new code" : methods.password ? "Email me a code instead" : "Email me a code"}
          pendingLabel="Sending…"
          variant={methods.password || params.sent ? "secondary" : "primary"}
        />
      </div>
    </PageCard>
  );
}
