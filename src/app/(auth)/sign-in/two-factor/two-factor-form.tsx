"use client";

import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { completeTwoFactorAction } from "./actions";

export function TwoFactorForm({ callbackUrl, rememberDays }: { callbackUrl: string; rememberDays: number }) {
  const { state, formAction, field } = useActionForm(completeTwoFactorAction);
  return (
    <Form label="Two-factor code" action={formAction} state={state}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        {...field("code")}
        label="Code from your authenticator app, or a backup code"
        autoComplete="one-time-code"
        autoFocus
        required
        maxLength={20}
      />
      <label className="flex items-center gap-2 text-sm text-muted-foreground">
        <input type="checkbox" name="remember" className="size-4 rounded border-input" />
        Remember this device for {rememberDays} days
      </label>
      <SubmitButton pendingText="Checking…">Continue</SubmitButton>
    </Form>
  );
}
