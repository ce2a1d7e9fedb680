"use client";


import { useActionState } from "react";
import { signInWithPasswordAction } from "@/app/(auth)/actions";
import { resendVerificationAction } from "@/app/(auth)/verify-email/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { PasswordField } from "@/components/ui/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextLink } from "@/components/ui/text-link";
import { initialActionState } from "@/lib/action-state";

/** Email + password; when the address is not confirmed yet, offers to resend the email. */
export function PasswordSignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signInWithPasswordAction, initialActionState);
  const [resendState, resend] = useActionState(resendVerificationAction, initialActionState);
  return (
    <div className="space-y-4">
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
        <PasswordField
          label="Password"
          name="password"
          id="password-password"
          autoComplete="current-password"
          required
          error={state.fieldErrors?.password}
        />
        <p className="text-right text-sm">
          <TextLink href="/forgot-password">
            Forgot your password?
          </TextLink>
        </p>
        <SubmitButton pendingText="Signing in…">Sign in with password</SubmitButton>
      </form>
      {state.needsVerification ? (
        <form action={resend} aria-label="Resend the confirmation email">
          {resendState.error ? <Alert>{resendState.error}</Alert> : null}
          <input type="hidden" name="email" value={state.values?.email ?? ""} />
          <SubmitButton variant="secondary" pendingText="Sending…">
            Resend the confirmation email
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
