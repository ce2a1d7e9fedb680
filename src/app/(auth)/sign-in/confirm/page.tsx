import type { Metadata } from "next";
import { headers } from "next/headers";
import { TooManyAttempts } from "@/components/auth/too-many-attempts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { emailSchema } from "@/lib/validation";
import { auth } from "@/auth";
import { signInCallbackUrl } from "@/server/auth/magic-link";
import { isLiveSignInLink } from "@/server/auth/sign-in-secrets";
import { env } from "@/server/env";
import { clientIpFrom } from "@/server/security/client-ip";
import { readPendingEmail } from "@/server/mail/pending-email";
import { forgiveSecretTry, limitSecretTry } from "@/server/security/limits";
import { site } from "@/config/site";

export const metadata: Metadata = { title: "Confirm sign-in" };

function LinkProblem({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <PageCard title={title}>
      <p className="mt-3 text-muted-foreground">
        {children} <TextLink href="/sign-in">Request a new one</TextLink>.
      </p>
    </PageCard>
  );
}

/**
 * Where the emailed link lands. Opening it uses nothing up (mail scanners open links); only the
 * button, a same-origin POST to Auth.js's callback, signs in. An opening with a wrong token counts
 * against the IP, never the address: others' guesses can't refuse the owner's link (middleware has
 * already refused repeated or non-canonical parameters).
 */
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; email?: string; callbackUrl?: string }>;
}) {
  const { token = "", email: rawEmail, callbackUrl } = await searchParams;
  const email = emailSchema.safeParse(rawEmail);
  const linkTry = { kind: "link", ip: clientIpFrom(await headers()) } as const;
  const limit = await limitSecretTry(linkTry);
  if (!limit.ok) return <TooManyAttempts retryAfterSeconds={limit.retryAfterSeconds} />;
  if (!email.success || !(await isLiveSignInLink(email.data, token))) {
    return (
      <LinkProblem title="This sign-in link has expired or was already used">
        Links work once and only for {env.MAGIC_LINK_MAX_AGE_MINUTES} minutes.
      </LinkProblem>
    );
  }
  await forgiveSecretTry(linkTry);
  // A link someone else mailed signs the visitor in to the sender's account, and whatever they
  // then add (a passkey, GitHub) would be the sender's: say whose account, and when this browser
  // never asked for mail to it (src/server/mail/pending-email.ts) or is signed in as someone else.
  const [pendingEmail, session] = await Promise.all([readPendingEmail(), auth()]);
  const askedHere = pendingEmail === email.data;
  const signedInAs = session?.user.email && session.user.email !== email.data ? session.user.email : null;
  return (
    <PageCard title={`Sign in to ${site.name}`}>
      <p className="mt-3 mb-4 text-muted-foreground">
        Sign in as <strong>{email.data}</strong>?
      </p>
      <div className="space-y-3">
        {signedInAs ? (
          <Alert tone="warning">
            You are signed in as <strong>{signedInAs}</strong>. Signing in here signs you out of that account and into{" "}
            <strong>{email.data}</strong>.
          </Alert>
        ) : null}
        {!askedHere ? (
          <Alert tone="warning">
            This browser did not ask for a sign-in link to <strong>{email.data}</strong>. If you asked on another
            device, go on. If someone sent you this link, don&apos;t: you would be signed in to their account, and
            whatever you add to it would be theirs.
          </Alert>
        ) : null}
      </div>
      <form method="post" className="mt-6" action={signInCallbackUrl(email.data, token, safeCallbackPath(callbackUrl))}>
        <Button type="submit">Sign in</Button>
      </form>
    </PageCard>
  );
}
