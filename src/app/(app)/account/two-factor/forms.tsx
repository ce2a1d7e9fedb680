"use client";

import Link from "next/link";
import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { BackupCodes } from "./backup-codes";
import { disableTwoFactorAction, enableTwoFactorAction, replaceBackupCodesAction } from "./actions";

/** Turns two-factor on with a code from the app; then shows the first backup codes, once. */
export function EnableTwoFactorForm() {
  const { state, formAction, field } = useActionForm(enableTwoFactorAction);
  if (state.backupCodes) {
    return (
      <div className="space-y-4">
        <p role="status" className="font-medium">
          {state.success}
        </p>
        <BackupCodes codes={state.backupCodes} />
        <Link href="/account/two-factor" className="inline-block font-medium text-primary underline">
          I have saved my backup codes
        </Link>
      </div>
    );
  }
  return (
    <Form label="Turn on two-factor authentication" action={formAction} state={state}>
      <Field
        {...field("code")}
        label="6-digit code from the app"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        maxLength={7}
      />
      <SubmitButton pendingText="Checking…">Turn on</SubmitButton>
    </Form>
  );
}

export function ReplaceBackupCodesForm() {
  const { state, formAction } = useActionForm(replaceBackupCodesAction);
  return (
    <div className="space-y-4">
      {state.backupCodes ? <BackupCodes codes={state.backupCodes} /> : null}
      <Form label="Make new backup codes" action={formAction} state={state}>
        <SubmitButton variant="secondary" pendingText="Making codes…">
          Make new backup codes
        </SubmitButton>
      </Form>
    </div>
  );
}

export function DisableTwoFactorForm() {
  const { state, formAction, field } = useActionForm(disableTwoFactorAction);
  return (
    <Form label="Turn off two-factor authentication" action={formAction} state={state}>
      <Field
        {...field("code")}
        label="Code from your authenticator app, or a backup code"
        autoComplete="one-time-code"
        required
        maxLength={20}
      />
      <SubmitButton variant="secondary" pendingText="Turning off…">
        Turn off two-factor authentication
      </SubmitButton>
    </Form>
  );
}
