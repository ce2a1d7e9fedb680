"use client";

import { EmailField } from "@/components/forms/fields";
import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { RoleSelect } from "@/components/orgs/role-select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { OrgRole } from "@/lib/org-permissions";
import { inviteMemberAction } from "./actions";

/** Invite by email, with a role up to the inviter's own (the server judges again). */
export function InviteForm({ roles }: { roles: readonly OrgRole[] }) {
  const { state, formAction, field } = useActionForm(inviteMemberAction);
  return (
    <Form label="Invite someone" action={formAction} state={state}>
      <EmailField {...field("email")} label="Email address" autoComplete="off" />
      <RoleSelect {...field("role")} defaultValue="member" roles={roles} label="Role" />
      <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
    </Form>
  );
}
