"use server";

import { redirect } from "next/navigation";
import { newOrgSchema } from "@/lib/org-schemas";
import { validatedActionWithUser } from "@/server/forms/validated-action";
import { createOrganization } from "@/server/orgs/organizations";

export const createOrganizationAction = validatedActionWithUser(newOrgSchema, async ({ name, slug }, session) => {
  const result = await createOrganization(session.user.id, name, slug);
  if (!result.ok) return { fieldErrors: { [result.field]: result.message } };
  redirect(`/orgs/${result.slug}?notice=created`);
});
