"use client";

import { Form } from "@/components/forms/form";
import { NewPasswordField } from "@/components/forms/new-password-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { PasswordField } from "@/components/ui/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { state, formAction, field } = useActionForm(resetPasswordAction);
  return (
    <Form label="Choose a new password" action={formAction} state={state}>
      <input type="hidden" name="token" value={token} />
      <NewPasswordField {...field("password")} label="New password" userInputs={[email]} />
      <PasswordField
        {...field("confirmPassword")}
        label="Repeat the new password"
        autoComplete="new-password"
        required
      />
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </Form>
  );
}
