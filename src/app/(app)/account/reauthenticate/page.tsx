import type { Metadata } from "next";
import { ButtonForm } from "@/components/forms/button-form";
import { PageCard } from "@/components/ui/page-card";
import { formatDuration } from "@/lib/format";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getAccountOverview } from "@/server/account/overview";
import { STEP_UP_WINDOW_SECONDS } from "@/server/auth/step-up";
import { requireSession } from "@/server/sessions/current";
import { sendStepUpCodeAction } from "./actions";
import { StepUpCodeForm, StepUpPasswordForm, StepUpSecondFactorForm } from "./forms";
import { twoFactorEnabledAt } from "@/server/two-factor/factor";

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
  const codeSent = Boolean(params.sent);
  const twoFactorOn = (await twoFactorEnabledAt(session.user.id)) !== null;

  return (
    <PageCard title="Confirm it's you" className="mx-auto max-w-md">
      <p className="mt-3 mb-6 text-muted-foreground">
        You are about to change how you sign in. Because you signed in more than{" "}
        {formatDuration(STEP_UP_WINDOW_SECONDS)} ago, confirm it&apos;s you first.
      </p>
      {twoFactorOn ? (
        // A password or an emailed code is one factor: with two-factor on, only the second steps up.
        <StepUpSecondFactorForm callbackUrl={callbackUrl} />
      ) : (
        <>
          {methods.password && !codeSent ? <StepUpPasswordForm callbackUrl={callbackUrl} /> : null}
          {codeSent ? <StepUpCodeForm callbackUrl={callbackUrl} /> : null}
          <div className={methods.password || codeSent ? "mt-6" : undefined}>
            <ButtonForm
              action={sendStepUpCodeAction}
              label="Email me a code"
              values={{ callbackUrl }}
              submitLabel={
                codeSent ? "Send a new code" : methods.password ? "Email me a code instead" : "Email me a code"
              }
              pendingLabel="Sending…"
              variant={methods.password || codeSent ? "secondary" : "primary"}
            />
          </div>
        </>
      )}
    </PageCard>
  );
}
