import "server-only";
import type { Session } from "next-auth";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { can, type OrgAction } from "@/lib/org-permissions";
import { validatedActionWithUser } from "../forms/validated-action";
import { memberOfRequestedOrg, type OrgMember } from "./membership";

export const NOT_A_MEMBER: ActionState = {
  error: "This organization doesn't exist, or you are no longer a member of it. Reload the page.",
};
export const NOT_ALLOWED: ActionState = { error: "Your role in this organization doesn't allow that." };

/** The words for an operation's refusal (src/server/orgs/held.ts). */
export function refusal(reason: "not-member" | "forbidden"): ActionState {
  return reason === "not-member" ? NOT_A_MEMBER : NOT_ALLOWED;
}

/**
 * A server action on an org page: validatedActionWithUser (same-origin, one value per field, the
 * schema), then the session user's membership in the organization of the URL the form was posted
 * to (never a field of the body), allowed to do `action`. The handler gets both; every id it takes
 * from the form it looks up within `member.organization`.
 */
export function orgAction<S extends z.ZodType>(
  schema: S,
  action: OrgAction,
  handler: (data: z.infer<S>, context: { session: Session; member: OrgMember }) => Promise<ActionState>,
) {
  return validatedActionWithUser(schema, async (data, session) => {
    const member = await memberOfRequestedOrg(session.user.id);
    if (!member) return NOT_A_MEMBER;
    if (!can(member, action)) return NOT_ALLOWED;
    return handler(data, { session, member });
  });
}
