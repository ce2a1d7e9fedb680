"use client";

import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const { state, formAction, field } = useActionForm(forgotPasswordAction);
  return (
    <Form label="Request a password reset" action={formAction} state={state}>
      <Field {...field("email")} label="Email" type="email" autoComplete="email" required maxLength={254} />
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
    </Form>
  );
}
