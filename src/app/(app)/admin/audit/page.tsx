import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { buttonClass } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";
import { adminSearchQuery } from "@/lib/admin-schemas";
import { AUDIT_LABELS } from "@/lib/audit-labels";
import { formatDateTime } from "@/lib/format";
import { requireAdmin } from "@/server/admin/access";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/server/orgs/audit";

export const metadata: Metadata = { title: "Admin · Audit log" };

const inputClass =
  "block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground shadow-sm focus:border-ring focus:ring-2 focus:ring-ring/30 focus:outline-none";

function olderHref(actor: string, action: string, before: Date) {
  const params = new URLSearchParams({ before: before.toISOString() });
  if (actor) params.set("actor", actor);
  if (action) params.set("action", action);
  return `/admin/audit?${params.toString()}`;
}

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<{ actor?: string | string[]; action?: string | string[]; before?: string | string[] }>;
}) {
  await requireAdmin();
  const params = await searchParams;
  const actor = adminSearchQuery(params.actor);
  const action = typeof params.action === "string" && Object.hasOwn(AUDIT_LABELS, params.action) ? params.action : "";
  const beforeDate = typeof params.before === "string" ? new Date(params.before) : null;
  const before = beforeDate && !Number.isNaN(beforeDate.getTime()) ? beforeDate : undefined;
  const events = await listAuditEvents({ actorEmail: actor || undefined, action: action || undefined, before });
  const last = events.at(-1);

  return (
    <>
      <AdminNav current="/admin/audit" />
      <form
        method="get"
        action="/admin/audit"
        aria-label="Filter the audit log"
        className="flex flex-wrap items-end gap-3"
      >
        <div className="min-w-56 flex-1 space-y-1.5">
          <label htmlFor="audit-actor" className="block text-sm font-medium text-foreground">
            Done by (email)
          </label>
          <input id="audit-actor" name="actor" type="email" defaultValue={actor} className={inputClass} />
        </div>
        <div className="min-w-56 space-y-1.5">
          <label htmlFor="audit-action" className="block text-sm font-medium text-foreground">
            Action
          </label>
          <select id="audit-action" name="action" defaultValue={action} className={inputClass}>
            <option value="">Any</option>
            {Object.entries(AUDIT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
      </form>
      <p className="text-sm text-muted-foreground">
        {events.length === 0 ? "No events match." : `Up to ${AUDIT_PAGE_SIZE} events, newest first.`}
      </p>
      <div className="overflow-x-auto rounded-lg border border-border bg-card">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log</caption>
          <thead className="border-b border-border text-muted-foreground">
            <tr>
              {["When", "Who", "What", "Where", "Details", "IP"].map((heading) => (
                <th key={heading} scope="col" className="px-4 py-2 font-medium">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} className="border-b border-border last:border-0">
                <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(event.createdAt)}</td>
                <td className="px-4 py-2">
                  {event.actor ? (
                    <Link href={`/admin/users/${event.actor.id}`} className="text-primary hover:underline">
                      {event.actor.email}
                    </Link>
                  ) : (
                    "The command line, or a deleted account"
                  )}
                </td>
                <td className="px-4 py-2">{AUDIT_LABELS[event.action] ?? event.action}</td>
                <td className="px-4 py-2">{event.organization?.name ?? "Platform"}</td>
                <td className="px-4 py-2 break-all">{[event.target, event.detail].filter(Boolean).join(" · ")}</td>
                <td className="px-4 py-2">{event.ipAddress ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {last && events.length === AUDIT_PAGE_SIZE ? (
        <TextLink href={olderHref(actor, action, last.createdAt)}>Older events</TextLink>
      ) : null}
    </>
  );
}
