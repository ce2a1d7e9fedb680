import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { emailSchema } from "@/lib/validation";
import { env } from "@/server/env";
import { isLiveSignInToken, maskEmail, signInCallbackUrl } from "@/server/magic-link";

export const metadata: Metadata = { title: "Confirm sign-in" };

/**
 * Where the emailed link lands. Opening it uses nothing up (mail scanners open links); only the
 * button, a POST to Auth.js's callback, signs in.
 */
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; email?: string; callbackUrl?: string }>;
}) {
  const { token = "", email: rawEmail, callbackUrl } = await searchParams;
  const email = emailSchema.safeParse(rawEmail);
  const live = email.success && (await isLiveSignInToken(email.data, token, env.AUTH_SECRET ?? ""));
  if (!email.success || !live) {
    return (
      <PageCard title="This sign-in link has expired or was already used">
        <p className="mt-3 text-gray-700 dark:text-gray-300">
          Links work once and only for {env.MAGIC_LINK_MAX_AGE_MINUTES} minutes.{" "}
          <TextLink href="/sign-in">
            Request a new one
          </TextLink>
          .
        </p>
      </PageCard>
    );
  }
  return (
    <PageCard title="Sign in to Gatehouse">
      <p className="mt-3 mb-6 text-gray-700 dark:text-gray-300">
        Sign in as <strong>{maskEmail(email.data)}</strong>?
      </p>
      <form method="post" action={signInCallbackUrl(email.data, token, safeCallbackPath(callbackUrl))}>
        <Button type="submit">Sign in</Button>
      </form>
    </PageCard>
  );
}
