"use client";

import { sendMagicLinkAction } from "@/actions/sign-in";
import { Form } from "@/components/forms/form";
import { useActionForm, withDefault } from "@/components/forms/use-action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailField } from "@/components/forms/fields";

export function MagicLinkForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const { state, formAction, field } = useActionForm(sendMagicLinkAction);
  return (
    <Form label="Sign in with an email link" action={formAction} state={state}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {/* "webauthn": the browser may offer passkeys here (see PasskeySignIn). */}
      <EmailField {...withDefault(field("email"), defaultEmail)} autoComplete="username webauthn" />
      <SubmitButton pendingText="Sending link…">Email me a sign-in link</SubmitButton>
    </Form>
  );
}
