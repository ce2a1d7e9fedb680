import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AccountNav } from "@/components/account-nav";
import { ActionForm } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { describeAuthError } from "@/lib/auth-errors";
import { getAccountOverview } from "@/server/account-settings";
import { requireSession } from "@/server/auth-session";
import { env } from "@/server/env";
import {
  changePasswordAction,
  connectGitHubAction,
  deleteAccountAction,
  disconnectGitHubAction,
  requestEmailChangeAction,
  setPasswordAction,
  updateProfileAction,
} from "./actions";

export const metadata: Metadata = { title: "Account settings" };

/** Notices for changes that reshape the page (the form that made them is gone afterwards). */
const NOTICES: Record<string, (email: string) => string> = {
  "email-changed": (email) => `Your email address is now ${email}.`,
  "password-set": () => "Password set. You can now sign in with it.",
  "github-disconnected": () => "GitHub disconnected.",
  "github-connected": () => "GitHub connected.",
};

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <Card>
      <section aria-labelledby={id}>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">{description}</p> : null}
        <div className="mt-4 max-w-md">{children}</div>
      </section>
    </Card>
  );
}

function Avatar({ name, email, image }: { name: string | null; email: string; image: string | null }) {
  if (image) {
    // A plain <img>: avatars come from the identity provider's host, which next/image would need listed.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={image} alt="" className="h-14 w-14 rounded-full" />;
  }
  const initials = (name ?? email).split(/[\s@._-]+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join("");
  return (
    <span aria-hidden="true" className="flex h-14 w-14 items-center justify-center rounded-full bg-brand-600 text-lg font-semibold text-white">
      {initials}
    </span>
  );
}

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string; error?: string }>;
}) {
  const session = await requireSession("/account");
  const { profile, methods } = await getAccountOverview(session.user.id);
  const { notice, error } = await searchParams;
  const noticeText = notice ? NOTICES[notice]?.(profile.email) : undefined;
  const methodCount = [methods.emailLink, methods.password, methods.github].filter(Boolean).length;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Account</h1>
      <AccountNav current="/account" />
      {noticeText ? <Alert tone="info">{noticeText}</Alert> : null}
      {error ? <Alert title={describeAuthError(error).title}>{describeAuthError(error).message}</Alert> : null}

      <Section id="profile" title="Profile">
        <div className="mb-4 flex items-center gap-4">
          <Avatar name={profile.name} email={profile.email} image={profile.image} />
          <p className="text-sm text-gray-700 dark:text-gray-300">
            {profile.image ? "Your picture comes from GitHub." : "Connect GitHub to use your GitHub picture."}
          </p>
        </div>
        <ActionForm
          action={updateProfileAction}
          ariaLabel="Profile"
          fields={[{ name: "name", label: "Name", autoComplete: "name", defaultValue: profile.name ?? "" }]}
          submitLabel="Save profile"
          pendingLabel="Saving…"
          variant="secondary"
        />
      </Section>

      <Section id="email" title="Email address" description={`Currently ${profile.email}${profile.emailVerified ? " (confirmed)" : " (not confirmed)"}. We'll send a link to the new address; nothing changes until you click it.`}>
        <ActionForm
          action={requestEmailChangeAction}
          ariaLabel="Change email"
          fields={[{ name: "newEmail", label: "New email address", type: "email", autoComplete: "email" }]}
          submitLabel="Send confirmation link"
          pendingLabel="Sending…"
          variant="secondary"
        />
      </Section>

      <Section
        id="password"
        title="Password"
        description={methods.password ? "Changing it signs out your other devices." : "You sign in without a password so far. Set one to sign in with email and password too; your other devices are signed out."}
      >
        {methods.password ? (
          <ActionForm
            action={changePasswordAction}
            ariaLabel="Change password"
            strengthInputs={[profile.email, profile.name ?? ""]}
            fields={[
              { name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
              { name: "newPassword", label: "New password", newPassword: true },
            ]}
            submitLabel="Change password"
            pendingLabel="Saving…"
            variant="secondary"
          />
        ) : (
          <ActionForm
            action={setPasswordAction}
            ariaLabel="Set a password"
            strengthInputs={[profile.email, profile.name ?? ""]}
            fields={[{ name: "newPassword", label: "New password", newPassword: true }]}
            submitLabel="Set password"
            pendingLabel="Saving…"
            variant="secondary"
          />
        )}
      </Section>

      <Section id="connections" title="Sign-in methods">
        <ul className="mb-4 space-y-1 text-sm" data-testid="sign-in-methods">
          <li>Email link: {methods.emailLink ? "available" : "confirm your email to use it"}</li>
          <li>Password: {methods.password ? "set" : "not set"}</li>
          <li>GitHub: {methods.github ? "connected" : "not connected"}</li>
        </ul>
        {methods.github ? (
          <ActionForm
            action={disconnectGitHubAction}
            ariaLabel="Disconnect GitHub"
            fields={[]}
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
          <p className="text-sm text-gray-600 dark:text-gray-400">GitHub sign-in is not configured on this server.</p>
        )}
      </Section>

      <Section id="delete" title="Delete account" description="This deletes your account, sign-in methods and sessions. It cannot be undone.">
        <ActionForm
          action={deleteAccountAction}
          ariaLabel="Delete account"
          fields={[{ name: "confirmEmail", label: `Type ${profile.email} to confirm`, type: "email", autoComplete: "off" }]}
          submitLabel="Delete my account"
          pendingLabel="Deleting…"
        />
      </Section>
    </div>
  );
}
