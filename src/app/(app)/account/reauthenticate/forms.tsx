"use client";

import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { PasswordField } from "@/components/ui/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { stepUpWithCodeAction, stepUpWithPasswordAction, stepUpWithSecondFactorAction } from "./actions";
import { CodeField } from "@/components/forms/fields";

export function StepUpPasswordForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, formAction, field } = useActionForm(stepUpWithPasswordAction);
  return (
    <Form label="Confirm with your password" action={formAction} state={state}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <PasswordField {...field("password")} label="Your password" autoComplete="current-password" required />
      <SubmitButton pendingText="Checking…">Continue</SubmitButton>
    </Form>
  );
}

export function StepUpCodeForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, formAction, field } = useActionForm(stepUpWithCodeAction);
  return (
    <Form label="Confirm with the emailed code" action={formAction} state={state}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <CodeField {...field("code")} label="6-digit code from the email" />
      <SubmitButton pendingText="Checking…">Continue</SubmitButton>
    </Form>
  );
}

export function StepUpSecondFactorForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, formAction, field } = useActionForm(stepUpWithSecondFactorAction);
  return (
    <Form label="Confirm with your authenticator app" action={formAction} state={state}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <CodeField {...field("code")} label="Code from your authenticator app" maxLength={20} />
      <SubmitButton pendingText="Checking…">Continue</SubmitButton>
    </Form>
  );
}
