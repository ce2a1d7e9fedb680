"use client";

import { sendMagicLinkAction } from "@/actions/sign-in";
import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function MagicLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, formAction, field } = useActionForm(sendMagicLinkAction);
  return (
    <Form label="Sign in with an email link" action={formAction} state={state}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field {...field("email")} label="Email" type="email" autoComplete="email" required maxLength={254} />
      <SubmitButton pendingText="Sending link…">Email me a sign-in link</SubmitButton>
    </Form>
  );
}
