import type { Metadata } from "next";
import { signOutAction } from "@/actions/sign-out";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime, METHOD_LABELS } from "@/lib/format";
import { requireSession } from "@/server/sessions/current";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await requireSession("/dashboard");
  const { user } = session;
  const method = session.method ? (METHOD_LABELS[session.method] ?? session.method) : "an unknown method";
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Welcome{user.name ? `, ${user.name}` : ""}</h1>
      <Card>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-muted-foreground">Signed in as</dt>
            <dd className="mt-1 font-medium break-all" data-testid="signed-in-email">
              {user.email}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">Signed in with</dt>
            <dd className="mt-1 font-medium" data-testid="signed-in-method">
              {method}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">Session expires</dt>
            <dd className="mt-1 font-medium">
              <time dateTime={session.expires}>{formatDateTime(session.expires)}</time>
            </dd>
          </div>
        </dl>
        <p className="mt-6 text-sm">
          <TextLink href="/orgs">Your organizations</TextLink>
        </p>
        <form action={signOutAction} className="mt-6 max-w-40">
          <Button type="submit" variant="secondary">
            Sign out
          </Button>
        </form>
      </Card>
    </div>
  );
}
