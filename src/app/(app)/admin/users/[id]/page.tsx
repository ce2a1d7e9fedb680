import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { ButtonForm } from "@/components/forms/button-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Badge, ListItem } from "@/components/ui/list-item";
import { formatDateTime, formatDuration, METHOD_LABELS } from "@/lib/format";
import { describeUserAgent } from "@/lib/user-agent";
import { requireAdmin } from "@/server/admin/access";
import { supportAccessEnabled } from "@/server/admin/support-rules";
import { SUPPORT_ACCESS_SECONDS } from "@/server/sessions/lifetime";
import { userDetails } from "@/server/admin/users";
import { listApiTokens } from "@/server/api-tokens/manage";
import {
  changePlatformRoleAction,
  endAllSessionsAction,
  endSessionAction,
  startSupportAccessAction,
  unbanUserAction,
} from "./actions";
import { UserApiTokens } from "./api-tokens";
import { BanForm } from "./forms";

export const metadata: Metadata = { title: "Admin · User" };

const NOTICES: Record<string, string> = {
  banned: "Suspended. Every session of theirs has ended, and no sign-in door lets them in.",
  unbanned: "The suspension is lifted. They can sign in again.",
  "session-ended": "That session has ended.",
  "sessions-ended": "Every session of theirs has ended.",
  "role-changed": "Their platform role was changed.",
  "role-unchanged": "They already had that role.",
  "support-ended": "Support access ended. You are signed in as yourself again.",
  "api-tokens-revoked": "Every API token of theirs is revoked.",
};

export default async function AdminUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const session = await requireAdmin();
  const { id } = await params;
  const { notice } = await searchParams;
  const user = await userDetails(id);
  if (!user) notFound();
  const apiTokens = await listApiTokens(user.id);
  const self = user.id === session.user.id;

  return (
    <>
      <AdminNav current="/admin" />
      {notice && Object.hasOwn(NOTICES, notice) ? <Alert tone="info">{NOTICES[notice]}</Alert> : null}
      <Card>
        <h2 className="text-xl font-semibold break-words">
          {user.email}
          {user.role === "admin" ? <Badge>Admin</Badge> : null}
          {user.banned ? <Badge tone="danger">Suspended</Badge> : null}
          {self ? <Badge tone="success">You</Badge> : null}
        </h2>
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-muted-foreground">Name</dt>
          <dd>{user.name ?? "—"}</dd>
          <dt className="text-muted-foreground">Email confirmed</dt>
          <dd>{user.emailVerified ? formatDateTime(user.emailVerified) : "Not yet"}</dd>
          <dt className="text-muted-foreground">Signs in with</dt>
          <dd>{user.methods.join(", ")}</dd>
          <dt className="text-muted-foreground">Two-factor</dt>
          <dd>{user.twoFactor ? "On" : "Off"}</dd>
          <dt className="text-muted-foreground">Joined</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
          <dt className="text-muted-foreground">Last seen</dt>
          <dd>{user.lastSeenAt ? formatDateTime(user.lastSeenAt) : "—"}</dd>
          {user.ban ? (
            <>
              <dt className="text-muted-foreground">Suspended</dt>
              <dd>
                {formatDateTime(user.ban.at)} ·{" "}
                {user.ban.expires ? `until ${formatDateTime(user.ban.expires)}` : "until lifted"}
                {user.banned ? "" : " (expired)"} · {user.ban.reason}
              </dd>
            </>
          ) : null}
        </dl>
      </Card>

      <section aria-labelledby="orgs-heading" className="space-y-3">
        <h2 id="orgs-heading" className="text-lg font-semibold">
          Organizations
        </h2>
        {user.memberships.length === 0 ? (
          <p className="text-sm text-muted-foreground">None.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm" aria-label="Organizations">
            {user.memberships.map((m) => (
              <li key={m.organization.slug}>
                {m.organization.name} ({m.organization.slug}): {m.role}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="sessions-heading" className="text-lg font-semibold">
            Sessions
          </h2>
          {user.sessionList.length > 0 ? (
            <div className="sm:w-56">
              <ButtonForm
                action={endAllSessionsAction}
                label="End all sessions"
                values={{ userId: user.id }}
                submitLabel="Sign out everywhere"
                pendingLabel="Signing out…"
                variant="secondary"
              />
            </div>
          ) : null}
        </div>
        {user.sessionList.length === 0 ? (
          <p className="text-sm text-muted-foreground">No active sessions.</p>
        ) : (
          <ul className="space-y-3" aria-label="Sessions">
            {user.sessionList.map((s) => (
              <ListItem
                key={s.id}
                title={
                  <>
                    {describeUserAgent(s.userAgent)}
                    {s.impersonator ? <Badge tone="danger">Support access by {s.impersonator.email}</Badge> : null}
                  </>
                }
                details={
                  <>
                    {s.ipAddress ?? "Unknown IP"} · signed in with{" "}
                    {METHOD_LABELS[s.method ?? ""] ?? "an unknown method"} on {formatDateTime(s.createdAt)} · last
                    active {s.lastSeenAt ? formatDateTime(s.lastSeenAt) : "—"}
                  </>
                }
              >
                <div className="sm:w-36">
                  <ButtonForm
                    action={endSessionAction}
                    label={`End the session from ${formatDateTime(s.createdAt)}`}
                    values={{ userId: user.id, sessionId: s.id }}
                    submitLabel="End"
                    pendingLabel="Ending…"
                    variant="secondary"
                  />
                </div>
              </ListItem>
            ))}
          </ul>
        )}
      </section>

      <UserApiTokens userId={user.id} tokens={apiTokens} />

      {self ? null : (
        <section aria-labelledby="manage-heading" className="space-y-4">
          <h2 id="manage-heading" className="text-lg font-semibold">
            Manage
          </h2>
          <Card className="space-y-4">
            {user.banned ? (
              <ButtonForm
                action={unbanUserAction}
                label="Lift the suspension"
                values={{ userId: user.id }}
                submitLabel="Lift the suspension"
                pendingLabel="Lifting…"
                variant="secondary"
              />
            ) : user.role !== "admin" ? (
              <BanForm userId={user.id} />
            ) : (
              <p className="text-sm text-muted-foreground">Remove their admin role to suspend them.</p>
            )}
          </Card>
          <Card>
            <ButtonForm
              action={changePlatformRoleAction}
              label={user.role === "admin" ? "Remove admin" : "Make admin"}
              values={{ userId: user.id, role: user.role === "admin" ? "user" : "admin" }}
              submitLabel={user.role === "admin" ? "Remove admin role" : "Make admin"}
              pendingLabel="Saving…"
              variant="secondary"
            />
            <p className="mt-2 text-sm text-muted-foreground">
              Asks you to confirm it&apos;s you if you signed in a while ago.
            </p>
          </Card>
          <Card>
            <h3 className="font-semibold">Support access</h3>
            {!supportAccessEnabled() ? (
              <p className="mt-2 text-sm text-muted-foreground">
                Off. Set <code>ADMIN_IMPERSONATION=on</code> to let admins see the app as a user.
              </p>
            ) : user.role === "admin" ? (
              <p className="mt-2 text-sm text-muted-foreground">Not available for another admin.</p>
            ) : user.banned ? (
              <p className="mt-2 text-sm text-muted-foreground">Not available while they are suspended.</p>
            ) : (
              <div className="mt-2 space-y-2">
                <p className="text-sm text-muted-foreground">
                  See the app as them for up to {formatDuration(SUPPORT_ACCESS_SECONDS)}, without their sign-in and
                  security settings. Their security log and sessions page will show it. Asks you to confirm it&apos;s
                  you if you signed in a while ago.
                </p>
                <div className="sm:w-72">
                  <ButtonForm
                    action={startSupportAccessAction}
                    label="Start support access"
                    values={{ userId: user.id }}
                    submitLabel={`See the app as ${user.email}`}
                    pendingLabel="Starting…"
                    variant="secondary"
                  />
                </div>
              </div>
            )}
          </Card>
        </section>
      )}
    </>
  );
}
