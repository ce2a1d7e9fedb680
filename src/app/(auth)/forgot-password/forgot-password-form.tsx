"use client";

import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { forgotPasswordAction } from "./actions";
import { EmailField } from "@/components/forms/fields";

export function ForgotPasswordForm() {
  const { state, formAction, field } = useActionForm(forgotPasswordAction);
  return (
    <Form label="Request a password reset" action={formAction} state={state}>
      <EmailField {...field("email")} />
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
    </Form>
  );
}
