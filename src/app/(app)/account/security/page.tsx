import type { Metadata } from "next";
import { AccountNav } from "@/components/account-nav";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime, METHOD_LABELS } from "@/lib/format";
import { describeUserAgent } from "@/lib/user-agent";
import { requireSession } from "@/server/sessions/current";
import {
  listSecurityEvents,
  SECURITY_EVENT_RETENTION_DAYS,
  type SecurityEventType,
} from "@/server/security/security-log";

export const metadata: Metadata = { title: "Security log" };

const EVENT_LABELS: Record<SecurityEventType, (detail: string | null) => string> = {
  "sign-in": (d) => `Signed in with ${METHOD_LABELS[d ?? ""] ?? "an unknown method"}`,
  "sign-in-failed": () => "Failed sign-in: wrong password",
  "sign-out": () => "Signed out",
  "session-revoked": () => "Signed out a session",
  "other-sessions-revoked": (d) => `Signed out ${d ?? "all"} other session${d === "1" ? "" : "s"}`,
  "email-verified": () => "Email address confirmed",
  "password-changed": () => "Password changed",
  "password-reset": () => "Password reset by email",
  "password-set": () => "Password set",
  "email-changed": (d) => `Email address changed${d ? ` (${d})` : ""}`,
  "account-linked": (d) => `Connected ${d === "github" ? "GitHub" : (d ?? "an account")}`,
  "account-unlinked": (d) => `Disconnected ${d === "github" ? "GitHub" : (d ?? "an account")}`,
  "passkey-added": (d) => `Passkey added${d ? ` (${d})` : ""}`,
  "passkey-removed": (d) => `Passkey removed${d ? ` (${d})` : ""}`,
  "api-token-created": (d) => `API token created${d ? ` (${d})` : ""}`,
  "api-token-revoked": (d) => `API token revoked${d ? ` (${d})` : ""}`,
  "api-tokens-revoked-by-admin": (d) => `${d ?? "All"} API token${d === "1" ? "" : "s"} revoked by an administrator`,
  lockout: (d) => `Password sign-in paused after too many wrong passwords${d ? ` (${d})` : ""}`,
  "two-factor-enabled": () => "Two-factor authentication turned on",
  "two-factor-disabled": () => "Two-factor authentication turned off",
  "two-factor-failed": () => "Wrong two-factor code",
  "two-factor-paused": () => "Two-factor codes paused after too many wrong ones",
  "backup-codes-replaced": () => "New backup codes made",
  "backup-code-used": () => "Signed in with a backup code",
  "device-forgotten": () => "A remembered device was forgotten",
  banned: (d) =>
    d ? `Suspended by an administrator until ${formatDateTime(new Date(d))}` : "Suspended by an administrator",
  unbanned: () => "Suspension lifted by an administrator",
  "platform-role-changed": (d) => (d === "admin" ? "Made an administrator" : "Administrator role removed"),
  "support-access": (d) => `Support access by ${d ?? "an administrator"}`,
  "sessions-ended-by-admin": (d) => `Signed out of ${d ?? "all"} session${d === "1" ? "" : "s"} by an administrator`,
};

export default async function SecurityLogPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const session = await requireSession("/account/security");
  const page = Math.max(1, Math.min(1000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const { events, hasMore } = await listSecurityEvents(session.user.id, page);

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Account</h1>
      <AccountNav current="/account/security" />
      <p className="text-sm text-muted-foreground">
        What happened to your account, newest first. Kept for {SECURITY_EVENT_RETENTION_DAYS} days. Something you
        don&apos;t recognise? Change your password and sign out other sessions.
      </p>
      <Card className="!p-0">
        {events.length === 0 ? (
          <p className="p-6 text-sm text-muted-foreground">Nothing here yet.</p>
        ) : (
          <ol className="divide-y divide-border" aria-label="Security events">
            {events.map((event) => (
              <li key={event.id} className="flex flex-col gap-1 px-5 py-3 text-sm sm:flex-row sm:justify-between">
                <span className="font-medium">
                  {(EVENT_LABELS[event.type as SecurityEventType] ?? (() => event.type))(event.detail)}
                </span>
                <span className="text-muted-foreground">
                  {formatDateTime(event.createdAt)}
                  {event.ipAddress ? ` · ${event.ipAddress}` : ""}
                  {event.userAgent ? ` · ${describeUserAgent(event.userAgent)}` : ""}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Card>
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {page > 1 ? <TextLink href={`/account/security?page=${page - 1}`}>← Newer</TextLink> : <span />}
        {hasMore ? <TextLink href={`/account/security?page=${page + 1}`}>Older →</TextLink> : null}
      </nav>
    </div>
  );
}
