"use client";

import { resendVerificationAction, verifyCodeAction } from "@/actions/email-verification";
import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

/** The 6-digit code from the confirmation email; the address is known when we just sent it. */
export function VerifyCodeForm({ email }: { email?: string }) {
  const { state, formAction, field } = useActionForm(verifyCodeAction);
  return (
    <Form label="Enter your confirmation code" action={formAction} state={state}>
      {email ? (
        <input type="hidden" name="email" value={email} />
      ) : (
        <Field {...field("email")} label="Email" type="email" autoComplete="email" required maxLength={254} />
      )}
      <Field
        {...field("code")}
        label="6-digit code"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        maxLength={7}
      />
      <SubmitButton pendingText="Checking…">Confirm</SubmitButton>
    </Form>
  );
}

export function ResendVerificationForm({ email }: { email?: string }) {
  const { state, formAction, field } = useActionForm(resendVerificationAction);
  const input = field("email");
  return (
    <Form label="Resend the confirmation email" action={formAction} state={state}>
      <Field
        {...input}
        defaultValue={input.defaultValue ?? email}
        label="Email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
      />
      <SubmitButton variant="secondary" pendingText="Sending…">
        Send a new link and code
      </SubmitButton>
    </Form>
  );
}
