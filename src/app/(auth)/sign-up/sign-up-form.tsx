"use client";

import { Form } from "@/components/forms/form";
import { NewPasswordField } from "@/components/forms/new-password-field";
import { useActionForm, withDefault } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { PASSWORD_MIN_LENGTH } from "@/lib/password-rules";
import { signUpAction } from "./actions";
import { EmailField } from "@/components/forms/fields";

/** `defaultEmail`: the invited address, when signing up leads back to an invitation. */
export function SignUpForm({ defaultEmail }: { defaultEmail?: string }) {
  const { state, formAction, field } = useActionForm(signUpAction);
  return (
    <Form label="Create an account" action={formAction} state={state}>
      <Field {...field("name")} label="Name (optional)" autoComplete="name" maxLength={100} />
      <EmailField {...withDefault(field("email"), defaultEmail)} />
      <NewPasswordField
        {...field("password")}
        label="Password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
      />
      <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
    </Form>
  );
}
