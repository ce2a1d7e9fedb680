"use client";

import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { RoleSelect } from "@/components/orgs/role-select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { OrgRole } from "@/lib/org-permissions";
import { changeRoleAction } from "./actions";

/** A member's role, changeable to any of `roles` (the ones the viewer may grant). */
export function ChangeRoleForm({
  membershipId,
  role,
  roles,
  memberName,
}: {
  membershipId: string;
  role: OrgRole;
  roles: readonly OrgRole[];
  memberName: string;
}) {
  const { state, formAction, field } = useActionForm(changeRoleAction);
  return (
    <Form label={`Role of ${memberName}`} action={formAction} state={state}>
      <input type="hidden" name="membershipId" value={membershipId} />
      <div className="flex items-end gap-2">
        <RoleSelect {...field("role")} defaultValue={role} roles={roles} label="Role" />
        <div className="w-28">
          <SubmitButton variant="secondary" pendingText="Saving…">
            Change
          </SubmitButton>
        </div>
      </div>
    </Form>
  );
}
