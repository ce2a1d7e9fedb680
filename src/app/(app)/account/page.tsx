import type { Metadata } from "next";
import { AccountNav } from "@/components/account-nav";
import { ButtonForm } from "@/components/forms/button-form";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextLink } from "@/components/ui/text-link";
import { describeAuthError } from "@/lib/auth-errors";
import { countWaysIn, getAccountOverview } from "@/server/account/overview";
import { env } from "@/server/env";
import { requireSession } from "@/server/sessions/current";
import { connectGitHubAction, disconnectGitHubAction } from "./actions";
import { ChangeEmailForm, ChangePasswordForm, DeleteAccountForm, ProfileForm, SetPasswordForm } from "./forms";
import { Avatar, Section } from "./section";

export const metadata: Metadata = { title: "Account settings" };

/** Notices for changes that reshape the page (the form that made them is gone afterwards). */
const NOTICES: Record<string, (email: string) => string> = {
  "email-changed": (email) => `Your email address is now ${email}.`,
  "password-set": () => "Password set. You can now sign in with it.",
  "github-disconnected": () => "GitHub disconnected.",
  "github-connected": () => "GitHub connected.",
};

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string; error?: string }>;
}) {
  const session = await requireSession("/account");
  const { profile, methods } = await getAccountOverview(session.user.id);
  const { notice, error } = await searchParams;
  const noticeText = notice ? NOTICES[notice]?.(profile.email) : undefined;
  const methodCount = countWaysIn(methods);
  const guessable = [profile.email, profile.name ?? ""];

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Account</h1>
      <AccountNav current="/account" />
      {noticeText ? <Alert tone="info">{noticeText}</Alert> : null}
      {error ? <Alert title={describeAuthError(error).title}>{describeAuthError(error).message}</Alert> : null}

      <Section id="profile" title="Profile">
        <div className="mb-4 flex items-center gap-4">
          <Avatar name={profile.name} email={profile.email} image={profile.image} />
          <p className="text-sm text-muted-foreground">
            {profile.image ? "Your picture comes from GitHub." : "Connect GitHub to use your GitHub picture."}
          </p>
        </div>
        <ProfileForm name={profile.name ?? ""} />
      </Section>

      <Section
        id="email"
        title="Email address"
        description={`Currently ${profile.email} (${profile.emailVerified ? "confirmed" : "not confirmed"}). We'll send a link to the new address; nothing changes until you click it.`}
      >
        <ChangeEmailForm />
      </Section>

      <Section
        id="password"
        title="Password"
        description={
          methods.password
            ? "Changing it signs out your other devices."
            : "You sign in without a password so far. Set one to sign in with email and password too; your other devices are signed out."
        }
      >
        {methods.password ? <ChangePasswordForm userInputs={guessable} /> : <SetPasswordForm userInputs={guessable} />}
      </Section>

      <Section id="connections" title="Sign-in methods">
        <ul className="mb-4 space-y-1 text-sm" data-testid="sign-in-methods">
          <li>Email link: {methods.emailLink ? "available" : "confirm your email to use it"}</li>
          <li>Password: {methods.password ? "set" : "not set"}</li>
          <li>GitHub: {methods.github ? "connected" : "not connected"}</li>
          <li>
            Passkeys: {methods.passkeys === 0 ? "none" : methods.passkeys} (
            <TextLink href="/account/passkeys">manage passkeys</TextLink>)
          </li>
        </ul>
        {methods.github ? (
          <ButtonForm
            action={disconnectGitHubAction}
            label="Disconnect GitHub"
            submitLabel={methodCount === 1 ? "Disconnect GitHub (your only sign-in method)" : "Disconnect GitHub"}
            pendingLabel="Disconnecting…"
            variant="secondary"
          />
        ) : env.github ? (
          <form action={connectGitHubAction}>
            <SubmitButton variant="secondary" pendingText="Opening GitHub…">
              Connect GitHub
            </SubmitButton>
          </form>
        ) : (
          <p className="text-sm text-muted-foreground">GitHub sign-in is not configured on this server.</p>
        )}
      </Section>

      <Section
        id="delete"
        title="Delete account"
        description="This deletes your account, sign-in methods and sessions. It cannot be undone."
      >
        <DeleteAccountForm email={profile.email} />
      </Section>
    </div>
  );
}
