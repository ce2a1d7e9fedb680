"use client";

import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ORG_NAME_MAX } from "@/lib/org-schemas";
import { ORG_SLUG_MAX } from "@/lib/org-slug";
import { createOrganizationAction } from "./actions";

export function NewOrgForm() {
  const { state, formAction, field } = useActionForm(createOrganizationAction);
  return (
    <Form label="New organization" action={formAction} state={state}>
      <Field {...field("name")} label="Name" autoComplete="organization" required maxLength={ORG_NAME_MAX} />
      <Field
        {...field("slug")}
        label="URL"
        hint={`/orgs/your-url: lower-case letters, digits and hyphens. Leave it empty to make one from the name.`}
        autoComplete="off"
        maxLength={ORG_SLUG_MAX}
      />
      <SubmitButton pendingText="Creating…">Create organization</SubmitButton>
    </Form>
  );
}
