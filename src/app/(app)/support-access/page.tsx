import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { stopSupportAccessAction } from "@/actions/sign-out";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { DEFAULT_SIGNED_IN_PATH } from "@/lib/routes";
import { requireSession } from "@/server/sessions/current";

export const metadata: Metadata = { title: "Not during support access" };

/** Where middleware sends a support session that opened one of the user's security pages. */
export default async function SupportAccessPage() {
  const session = await requireSession("/support-access");
  if (!session.supportAccess) redirect(DEFAULT_SIGNED_IN_PATH);
  return (
    <Card className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Not during support access</h1>
      <p className="text-sm">
        Passwords, two-factor, passkeys, sessions and the other sign-in settings belong to{" "}
        <strong>{session.user.email}</strong> alone: support access can&apos;t open them. If they need help there, walk
        them through it, or end their sessions from the admin console.
      </p>
      <p className="text-sm">
        <TextLink href={DEFAULT_SIGNED_IN_PATH}>Back to their dashboard</TextLink>
      </p>
      <form action={stopSupportAccessAction} className="max-w-48">
        <Button type="submit" variant="secondary">
          Stop support access
        </Button>
      </form>
    </Card>
  );
}
