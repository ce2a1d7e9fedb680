import type { Metadata } from "next";
import { AccountNav } from "@/components/account-nav";
import { ButtonForm } from "@/components/forms/button-form";
import { Alert } from "@/components/ui/alert";
import { Badge, ListItem } from "@/components/ui/list-item";
import { formatDateTime, formatDuration, METHOD_LABELS } from "@/lib/format";
import { describeUserAgent } from "@/lib/user-agent";
import { requireSession } from "@/server/sessions/current";
import { listSessions } from "@/server/sessions/store";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";
import { SESSION_LIFETIME } from "@/server/sessions/lifetime";
import { RememberedDevices } from "./remembered-devices";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string; count?: string }>;
}) {
  const session = await requireSession("/account/sessions");
  const sessions = await listSessions(session.user.id);
  const { notice, count: rawCount } = await searchParams;
  // The count comes from our own redirect, but the URL is anyone's to edit: a number or nothing.
  const count = /^\d{1,4}$/.test(rawCount ?? "") ? Number(rawCount) : null;
  const others = sessions.filter((s) => s.id !== session.sessionId).length;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Account</h1>
      <AccountNav current="/account/sessions" />
      {notice === "revoked" ? <Alert tone="info">That session was signed out.</Alert> : null}
      {notice === "device-forgotten" ? <Alert tone="info">That device will ask for a code again.</Alert> : null}
      {notice === "revoked-others" ? (
        <Alert tone="info">
          {count === null
            ? "Signed out of your other sessions."
            : `Signed out of ${count} other session${count === 1 ? "" : "s"}.`}
        </Alert>
      ) : null}
      <p className="text-sm text-muted-foreground">
        Devices signed in to your account. Sessions end after {formatDuration(SESSION_LIFETIME.idleSeconds)} without
        use, and after {formatDuration(SESSION_LIFETIME.absoluteSeconds)} in any case.
      </p>
      <ul className="space-y-3" aria-label="Sessions">
        {sessions.map((s) => {
          const current = s.id === session.sessionId;
          return (
            <ListItem
              key={s.id}
              title={
                <>
                  {describeUserAgent(s.userAgent)}
                  {current ? <Badge tone="success">This device</Badge> : null}
                  {s.impersonator ? <Badge tone="danger">Support access by {s.impersonator.email}</Badge> : null}
                </>
              }
              details={
                <>
                  {s.ipAddress ?? "Unknown IP"} · signed in with {METHOD_LABELS[s.method ?? ""] ?? "an unknown method"}{" "}
                  on {formatDateTime(s.createdAt)} · last active {s.lastSeenAt ? formatDateTime(s.lastSeenAt) : "—"}
                </>
              }
            >
              <div className="sm:w-36">
                <ButtonForm
                  action={revokeSessionAction}
                  label={current ? "Sign out this device" : "Sign out this session"}
                  values={{ sessionId: s.id }}
                  submitLabel="Sign out"
                  pendingLabel="Signing out…"
                  variant="secondary"
                />
              </div>
            </ListItem>
          );
        })}
      </ul>
      {others > 0 ? (
        <div className="max-w-xs">
          <ButtonForm
            action={revokeOtherSessionsAction}
            label="Sign out of all other sessions"
            submitLabel="Sign out of all other sessions"
            pendingLabel="Signing out…"
          />
        </div>
      ) : null}
      <RememberedDevices userId={session.user.id} />
    </div>
  );
}
