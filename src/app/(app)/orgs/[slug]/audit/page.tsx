import type { Metadata } from "next";
import { OrgNav } from "@/components/orgs/org-nav";
import { AUDIT_LABELS } from "@/lib/audit-labels";
import { formatDateTime } from "@/lib/format";
import { AUDIT_PAGE_SIZE, listOrgEvents } from "@/server/orgs/audit";
import { requireOrgMember } from "@/server/orgs/membership";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { member } = await requireOrgMember((await params).slug, "audit.view");
  const events = await listOrgEvents(member.organization.id);
  return (
    <>
      <OrgNav slug={member.organization.slug} role={member.role} current="/audit" />
      <p className="text-sm text-muted-foreground">The latest {AUDIT_PAGE_SIZE} events, newest first.</p>
      <div className="overflow-x-auto rounded-lg border border-border bg-card">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log</caption>
          <thead className="border-b border-border text-muted-foreground">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                When
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Who
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                What
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Details
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                IP
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} className="border-b border-border last:border-0">
                <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(event.createdAt)}</td>
                <td className="px-4 py-2">{event.actor?.email ?? "A deleted account"}</td>
                <td className="px-4 py-2">{AUDIT_LABELS[event.action] ?? event.action}</td>
                <td className="px-4 py-2 break-all">{[event.target, event.detail].filter(Boolean).join(" · ")}</td>
                <td className="px-4 py-2">{event.ipAddress ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
