"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { changeRoleSchema, membershipIdSchema } from "@/lib/org-schemas";
import { emptySchema } from "@/lib/validation";
import { changeMemberRole, leaveOrganization, removeMember, type MemberChangeResult } from "@/server/orgs/members";
import { orgAction, refusal } from "@/server/orgs/org-action";

/** The words for a change that was not made. */
function problem(result: Exclude<MemberChangeResult, "done">): ActionState {
  switch (result) {
    case "not-found":
      return { error: "That person is no longer a member. Reload the page." };
    case "self":
      return { error: "You can't change your own role or remove yourself here. Use Leave, or ask another owner." };
    case "last-owner":
      return { error: "The organization needs at least one owner. Make someone else an owner first." };
    default:
      return refusal(result);
  }
}

export const changeRoleAction = orgAction(changeRoleSchema, "members.changeRole", async (data, { member }) => {
  const result = await changeMemberRole(member, data.membershipId, data.role);
  if (result !== "done") return problem(result);
  redirect(`/orgs/${member.organization.slug}/members?notice=role-changed`);
});

export const removeMemberAction = orgAction(membershipIdSchema, "members.remove", async (data, { member }) => {
  const result = await removeMember(member, data.membershipId);
  if (result !== "done") return problem(result);
  redirect(`/orgs/${member.organization.slug}/members?notice=removed`);
});

export const leaveOrganizationAction = orgAction(emptySchema, "org.leave", async (_data, { member }) => {
  const result = await leaveOrganization(member);
  if (result !== "done") return problem(result);
  redirect("/orgs?all&notice=left");
});
