import type { Metadata } from "next";
import { signOutAction } from "@/actions/sign-out";
import { auth } from "@/auth";
import { ButtonForm } from "@/components/forms/button-form";
import { ROLE_LABELS } from "@/components/orgs/role-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { rateLimitMessage } from "@/lib/format";
import { maskEmail } from "@/lib/mask-email";
import { isOrgRole } from "@/lib/org-permissions";
import { db } from "@/server/db";
import { readInvitationToken } from "@/server/orgs/invitation-cookie";
import { lookUpInvitation, type InvitationView } from "@/server/orgs/invitation-response";
import { currentClientIp } from "@/server/security/client-ip";
import { acceptInvitationAction, declineInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

const ENDED: Record<Exclude<InvitationView["state"], "pending">, { title: string; message: string }> = {
  expired: { title: "This invitation has expired", message: "Ask the person who invited you to send a new one." },
  revoked: {
    title: "This invitation was withdrawn",
    message: "It was revoked, or replaced by a newer invitation: use the link in the newest email.",
  },
  accepted: { title: "This invitation was already accepted", message: "Sign in to open the organization." },
  declined: { title: "This invitation was declined", message: "Ask for a new one if you change your mind." },
};

function Problem({ title, message }: { title: string; message: string }) {
  return (
    <PageCard title={title}>
      <p className="mt-3 text-sm text-muted-foreground">{message}</p>
    </PageCard>
  );
}

/** /invite: the invitation in this browser's cookie (set by /invite/<token>), and what to do with it. */
export default async function InvitationPage() {
  const token = await readInvitationToken();
  if (!token) {
    return <Problem title="No invitation here" message="Open the link in your invitation email again." />;
  }
  const found = await lookUpInvitation(token, await currentClientIp());
  if (!found.ok) {
    return found.reason === "rate-limited" ? (
      <Problem title="Too many attempts" message={rateLimitMessage(found.retryAfterSeconds)} />
    ) : (
      <Problem
        title="This invitation link isn't valid"
        message="It may have been replaced by a newer invitation: use the link in the newest email, or ask for a new one."
      />
    );
  }
  const { invitation } = found;
  if (invitation.state !== "pending") return <Problem {...ENDED[invitation.state]} />;

  const role = isOrgRole(invitation.role) ? ROLE_LABELS[invitation.role].toLowerCase() : invitation.role;
  const session = await auth();
  const user = session?.user
    ? await db.user.findUnique({ where: { id: session.user.id }, select: { email: true, emailVerified: true } })
    : null;

  return (
    <PageCard title={`Join ${invitation.organization.name}`}>
      <p className="mt-3 text-sm">
        {invitation.inviterName ?? "Someone"} invited you to join <strong>{invitation.organization.name}</strong> as{" "}
        {role === "admin" ? "an" : "a"} {role}. The invitation is for <strong>{maskEmail(invitation.email)}</strong>.
      </p>
      <div className="mt-6 space-y-3">
        {!user ? (
          <>
            <p className="text-sm text-muted-foreground">Sign in with that address, or create an account with it.</p>
            <TextLink href="/sign-in?callbackUrl=%2Finvite">Sign in</TextLink>
            <span className="mx-2 text-muted-foreground">or</span>
            <TextLink href="/sign-up?callbackUrl=%2Finvite">Create an account</TextLink>
          </>
        ) : user.email !== invitation.email ? (
          <>
            <Alert>
              You are signed in as {user.email}, and this invitation is for another address. Sign out, then open the
              link again and sign in with the invited address.
            </Alert>
            <form action={signOutAction}>
              <Button type="submit" variant="secondary">
                Sign out
              </Button>
            </form>
          </>
        ) : !user.emailVerified ? (
          <Alert>
            Confirm your email address first: open the link we emailed you when you signed up, then come back to this
            page.
          </Alert>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <ButtonForm
              action={acceptInvitationAction}
              label="Accept the invitation"
              submitLabel="Accept"
              pendingLabel="Joining…"
            />
            <ButtonForm
              action={declineInvitationAction}
              label="Decline the invitation"
              submitLabel="Decline"
              pendingLabel="Declining…"
              variant="secondary"
            />
          </div>
        )}
      </div>
    </PageCard>
  );
}
