"use client";

import { resendVerificationAction, verifyCodeAction } from "@/actions/email-verification";
import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailField, CodeField } from "@/components/forms/fields";

/** The 6-digit code from the confirmation email; the address is known when we just sent it. */
export function VerifyCodeForm({ email }: { email?: string }) {
  const { state, formAction, field } = useActionForm(verifyCodeAction);
  return (
    <Form label="Enter your confirmation code" action={formAction} state={state}>
      {email ? <input type="hidden" name="email" value={email} /> : <EmailField {...field("email")} />}
      <CodeField {...field("code")} />
      <SubmitButton pendingText="Checking…">Confirm</SubmitButton>
    </Form>
  );
}

export function ResendVerificationForm({ email }: { email?: string }) {
  const { state, formAction, field } = useActionForm(resendVerificationAction);
  const input = field("email");
  return (
    <Form label="Resend the confirmation email" action={formAction} state={state}>
      <EmailField {...input} defaultValue={input.defaultValue ?? email} />
      <SubmitButton variant="secondary" pendingText="Sending…">
        Send a new link and code
      </SubmitButton>
    </Form>
  );
}
