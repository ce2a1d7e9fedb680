import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireSession } from "@/server/sessions/current";
import { NewOrgForm } from "./new-org-form";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  await requireSession("/orgs/new");
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">New organization</h1>
      <Card>
        <p className="mb-6 text-sm text-muted-foreground">You will be its owner. Invite people once it exists.</p>
        <NewOrgForm />
      </Card>
    </div>
  );
}
