"use client";

import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ORG_NAME_MAX } from "@/lib/org-schemas";
import { ORG_SLUG_MAX } from "@/lib/org-slug";
import {
  changeSlugAction,
  deleteOrganizationAction,
  renameOrganizationAction,
  transferOwnershipAction,
} from "./actions";

export function RenameForm({ name }: { name: string }) {
  const { state, formAction, field } = useActionForm(renameOrganizationAction);
  const input = field("name");
  return (
    <Form label="Rename" action={formAction} state={state}>
      <Field {...input} defaultValue={input.defaultValue ?? name} label="Name" required maxLength={ORG_NAME_MAX} />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Rename
      </SubmitButton>
    </Form>
  );
}

export function ChangeSlugForm({ slug }: { slug: string }) {
  const { state, formAction, field } = useActionForm(changeSlugAction);
  const input = field("slug");
  return (
    <Form label="Change URL" action={formAction} state={state}>
      <Field
        {...input}
        defaultValue={input.defaultValue ?? slug}
        label="URL"
        hint="Links to the old URL stop working."
        required
        maxLength={ORG_SLUG_MAX}
        autoComplete="off"
      />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Change URL
      </SubmitButton>
    </Form>
  );
}

export function TransferOwnershipForm({ members }: { members: Array<{ id: string; label: string }> }) {
  const { state, formAction, field } = useActionForm(transferOwnershipAction);
  const select = field("membershipId");
  return (
    <Form label="Transfer ownership" action={formAction} state={state}>
      <div className="space-y-1.5">
        <label htmlFor={select.id} className="block text-sm font-medium">
          New owner
        </label>
        <select
          id={select.id}
          name={select.name}
          className="block w-full rounded-md border border-input bg-card px-3 py-2 text-sm shadow-sm"
        >
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary" pendingText="Transferring…">
        Transfer ownership
      </SubmitButton>
    </Form>
  );
}

export function DeleteOrganizationForm({ slug }: { slug: string }) {
  const { state, formAction, field } = useActionForm(deleteOrganizationAction);
  return (
    <Form label="Delete organization" action={formAction} state={state}>
      <Field {...field("confirmSlug")} label={`Type ${slug} to confirm`} autoComplete="off" required />
      <SubmitButton pendingText="Deleting…">Delete this organization</SubmitButton>
    </Form>
  );
}
