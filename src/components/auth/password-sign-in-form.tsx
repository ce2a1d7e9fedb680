"use client";

import { resendVerificationAction } from "@/actions/email-verification";
import { signInWithPasswordAction } from "@/actions/sign-in";
import { Form } from "@/components/forms/form";
import { useActionForm, withDefault } from "@/components/forms/use-action-form";
import { EmailField } from "@/components/forms/fields";
import { PasswordField } from "@/components/ui/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextLink } from "@/components/ui/text-link";

/** Email + password; when the address is not confirmed yet, offers to resend the email. */
export function PasswordSignInForm({ callbackUrl, defaultEmail }: { callbackUrl?: string; defaultEmail?: string }) {
  const signIn = useActionForm(signInWithPasswordAction);
  const resend = useActionForm(resendVerificationAction);
  return (
    <div className="space-y-4">
      <Form label="Sign in with a password" action={signIn.formAction} state={signIn.state}>
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
        <EmailField {...withDefault(signIn.field("email"), defaultEmail)} autoComplete="username webauthn" />
        <PasswordField {...signIn.field("password")} label="Password" autoComplete="current-password" required />
        <p className="text-right text-sm">
          <TextLink href="/forgot-password">Forgot your password?</TextLink>
        </p>
        <SubmitButton pendingText="Signing in…">Sign in with password</SubmitButton>
      </Form>
      {signIn.state.needsVerification ? (
        <Form label="Resend the confirmation email" action={resend.formAction} state={resend.state}>
          <input type="hidden" name="email" value={signIn.state.values?.email ?? ""} />
          <SubmitButton variant="secondary" pendingText="Sending…">
            Resend the confirmation email
          </SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
