"use server";

import { redirect } from "next/navigation";
import { changeSlugSchema, deleteOrgSchema, membershipIdSchema, renameOrgSchema } from "@/lib/org-schemas";
import { requireRecentAuthentication } from "@/server/auth/step-up";
import { transferOwnership } from "@/server/orgs/members";
import { orgAction, refusal } from "@/server/orgs/org-action";
import { changeOrganizationSlug, deleteOrganization, renameOrganization } from "@/server/orgs/organizations";

export const renameOrganizationAction = orgAction(renameOrgSchema, "org.rename", async ({ name }, { member }) => {
  const result = await renameOrganization(member, name);
  if (result !== "renamed") return refusal(result);
  redirect(`/orgs/${member.organization.slug}/settings?notice=renamed`);
});

export const changeSlugAction = orgAction(changeSlugSchema, "org.changeSlug", async ({ slug }, { member }) => {
  const result = await changeOrganizationSlug(member, slug);
  if (result === "taken") return { fieldErrors: { slug: "That URL is taken. Choose another." } };
  if (result !== "changed") return refusal(result);
  redirect(`/orgs/${slug}/settings?notice=slug-changed`);
});

/** Transfer and delete are behind step-up (a recent sign-in), as the account's own dangerous changes are. */
export const transferOwnershipAction = orgAction(
  membershipIdSchema,
  "org.transferOwnership",
  async ({ membershipId }, { session, member }) => {
    requireRecentAuthentication(session, `/orgs/${member.organization.slug}/settings`);
    const result = await transferOwnership(member, membershipId);
    if (result === "not-found") return { error: "That person is no longer a member. Reload the page." };
    if (result === "self") return { error: "Choose another member." };
    if (result !== "done") return refusal(result === "last-owner" ? "forbidden" : result);
    redirect(`/orgs/${member.organization.slug}?notice=transferred`);
  },
);

export const deleteOrganizationAction = orgAction(
  deleteOrgSchema,
  "org.delete",
  async ({ confirmSlug }, { session, member }) => {
    requireRecentAuthentication(session, `/orgs/${member.organization.slug}/settings`);
    if (confirmSlug.trim().toLowerCase() !== member.organization.slug) {
      return { fieldErrors: { confirmSlug: `Type ${member.organization.slug} to confirm.` } };
    }
    const result = await deleteOrganization(member);
    if (result !== "deleted") return refusal(result);
    redirect("/orgs?all&notice=deleted");
  },
);
