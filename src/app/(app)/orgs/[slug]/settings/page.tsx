import type { Metadata } from "next";
import { OrgNav } from "@/components/orgs/org-nav";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireOrgMember } from "@/server/orgs/membership";
import { listMembers } from "@/server/orgs/members";
import { ChangeSlugForm, DeleteOrganizationForm, RenameForm, TransferOwnershipForm } from "./forms";

export const metadata: Metadata = { title: "Organization settings" };

const NOTICES: Record<string, string> = {
  renamed: "The organization was renamed.",
  "slug-changed": "The URL was changed.",
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold">{title}</h2>
      {children}
    </Card>
  );
}

export default async function OrganizationSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const { member } = await requireOrgMember((await params).slug, "org.rename");
  const { notice } = await searchParams;
  const others = (await listMembers(member.organization.id)).filter((m) => m.user.id !== member.userId);
  const { name, slug } = member.organization;

  return (
    <>
      <OrgNav slug={slug} role={member.role} current="/settings" />
      {notice && Object.hasOwn(NOTICES, notice) ? <Alert tone="info">{NOTICES[notice]}</Alert> : null}
      <Section title="Name">
        <RenameForm name={name} />
      </Section>
      <Section title="URL">
        <ChangeSlugForm slug={slug} />
      </Section>
      <Section title="Transfer ownership">
        <p className="mb-4 text-sm text-muted-foreground">
          They become an owner and you become an admin. You will be asked to confirm it&apos;s you.
        </p>
        {others.length > 0 ? (
          <TransferOwnershipForm
            members={others.map((m) => ({ id: m.id, label: `${m.user.name || m.user.email} (${m.user.email})` }))}
          />
        ) : (
          <p className="text-sm text-muted-foreground">Invite someone first.</p>
        )}
      </Section>
      <Section title="Delete organization">
        <p className="mb-4 text-sm text-muted-foreground">
          Deletes its memberships, invitations and audit log, for everyone, at once. You will be asked to confirm
          it&apos;s you.
        </p>
        <DeleteOrganizationForm slug={slug} />
      </Section>
    </>
  );
}
