"use client";

import { useActionState } from "react";
import { sendMagicLinkAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";

export function MagicLinkForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(sendMagicLinkAction, initialActionState);
  return (
    <form action={action} className="space-y-4" aria-label="Sign in with an email link" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field
        label="Email"
        name="email"
        id="magic-email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <SubmitButton pendingText="Sending link…">Email me a sign-in link</SubmitButton>
    </form>
  );
}
