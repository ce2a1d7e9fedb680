"use client";

import { useActionState } from "react";
import { signInWithPasswordAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";

export function PasswordSignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signInWithPasswordAction, initialActionState);
  return (
    <form action={action} className="space-y-4" aria-label="Sign in with a password" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field
        label="Email"
        name="email"
        id="password-email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password}
      />
      <SubmitButton pendingText="Signing in…">Sign in with password</SubmitButton>
    </form>
  );
}
