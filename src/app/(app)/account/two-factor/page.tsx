import type { Metadata } from "next";
import { AccountNav } from "@/components/account-nav";
import { ButtonForm } from "@/components/forms/button-form";
import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/lib/format";
import { requireSession } from "@/server/sessions/current";
import { BACKUP_CODE_COUNT, countBackupCodes } from "@/server/two-factor/backup-codes";
import { getTwoFactorState } from "@/server/two-factor/factor";
import { formatSecretForTyping } from "@/server/two-factor/totp";
import { Section } from "../section";
import { cancelTwoFactorSetupAction, startTwoFactorSetupAction } from "./actions";
import { DisableTwoFactorForm, EnableTwoFactorForm, ReplaceBackupCodesForm } from "./forms";
import { QrCode } from "./qr-code";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default async function TwoFactorSettingsPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const session = await requireSession("/account/two-factor");
  const state = await getTwoFactorState(session.user.id, session.user.email ?? "");
  const { notice } = await searchParams;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Account</h1>
      <AccountNav current="/account/two-factor" />
      {notice === "off" && state.status === "off" ? <Alert tone="info">Two-factor authentication is off.</Alert> : null}

      {state.status === "off" ? (
        <Section
          id="two-factor"
          title="Two-factor authentication"
          description="Off. With it on, signing in also asks for a 6-digit code from an authenticator app on your phone (1Password, Google Authenticator, Authy, …), so a stolen password alone is not enough."
        >
          <ButtonForm
            action={startTwoFactorSetupAction}
            label="Set up two-factor authentication"
            submitLabel="Set up two-factor authentication"
            pendingLabel="Starting…"
          />
        </Section>
      ) : null}

      {state.status === "setting-up" ? (
        <Section
          id="two-factor"
          title="Set up two-factor authentication"
          description="Scan this code with your authenticator app, then enter the 6-digit code it shows. Two-factor is on once the code is right."
        >
          <div className="space-y-4">
            <QrCode value={state.uri} label="QR code for your authenticator app" />
            <p className="text-sm text-muted-foreground">
              Can&apos;t scan it? Enter this key in the app instead:{" "}
              <code data-testid="totp-secret" className="font-mono break-all">
                {formatSecretForTyping(state.secret)}
              </code>
            </p>
            <EnableTwoFactorForm />
            <ButtonForm
              action={cancelTwoFactorSetupAction}
              label="Cancel setup"
              submitLabel="Cancel"
              pendingLabel="Cancelling…"
              variant="secondary"
            />
          </div>
        </Section>
      ) : null}

      {state.status === "on" ? (
        <>
          <Section
            id="two-factor"
            title="Two-factor authentication"
            description={`On since ${formatDateTime(state.enabledAt)}. Signing in asks for a code from your authenticator app.`}
          >
            <DisableTwoFactorForm />
          </Section>
          <Section
            id="backup-codes"
            title="Backup codes"
            description={`${await countBackupCodes(session.user.id)} of ${BACKUP_CODE_COUNT} left. Each signs you in once when your app is out of reach. New codes replace the old ones and make remembered devices ask again.`}
          >
            <ReplaceBackupCodesForm />
          </Section>
        </>
      ) : null}
    </div>
  );
}
