"use client";

import { Form } from "@/components/forms/form";
import { NewPasswordField } from "@/components/forms/new-password-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { PasswordField } from "@/components/ui/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailField } from "@/components/forms/fields";
import {
  changePasswordAction,
  deleteAccountAction,
  requestEmailChangeAction,
  setPasswordAction,
  updateProfileAction,
} from "./actions";

/** The forms of /account. `userInputs`: what a strength check should treat as guessable (email, name). */

export function ProfileForm({ name }: { name: string }) {
  const { state, formAction, field } = useActionForm(updateProfileAction);
  const input = field("name");
  return (
    <Form label="Profile" action={formAction} state={state}>
      <Field {...input} defaultValue={input.defaultValue ?? name} label="Name" autoComplete="name" maxLength={100} />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Save profile
      </SubmitButton>
    </Form>
  );
}

export function ChangeEmailForm() {
  const { state, formAction, field } = useActionForm(requestEmailChangeAction);
  return (
    <Form label="Change email" action={formAction} state={state}>
      <EmailField {...field("newEmail")} label="New email address" />
      <SubmitButton variant="secondary" pendingText="Sending…">
        Send confirmation link
      </SubmitButton>
    </Form>
  );
}

export function ChangePasswordForm({ userInputs }: { userInputs: string[] }) {
  const { state, formAction, field } = useActionForm(changePasswordAction);
  return (
    <Form label="Change password" action={formAction} state={state}>
      <PasswordField {...field("currentPassword")} label="Current password" autoComplete="current-password" required />
      <NewPasswordField {...field("newPassword")} label="New password" userInputs={userInputs} />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Change password
      </SubmitButton>
    </Form>
  );
}

export function SetPasswordForm({ userInputs }: { userInputs: string[] }) {
  const { state, formAction, field } = useActionForm(setPasswordAction);
  return (
    <Form label="Set a password" action={formAction} state={state}>
      <NewPasswordField {...field("newPassword")} label="New password" userInputs={userInputs} />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Set password
      </SubmitButton>
    </Form>
  );
}

export function DeleteAccountForm({ email }: { email: string }) {
  const { state, formAction, field } = useActionForm(deleteAccountAction);
  return (
    <Form label="Delete account" action={formAction} state={state}>
      <Field {...field("confirmEmail")} label={`Type ${email} to confirm`} type="email" autoComplete="off" required />
      <SubmitButton pendingText="Deleting…">Delete my account</SubmitButton>
    </Form>
  );
}
