"use client";

import { SubmitButton } from "@/components/ui/submit-button";
import { Form } from "./form";
import { useActionForm, type FormAction } from "./use-action-form";

/**
 * A form that is one button, with the values it carries as hidden inputs: confirm a link, sign a
 * session out, disconnect an account, send a code.
 */
export function ButtonForm({
  action,
  label,
  submitLabel,
  pendingLabel,
  values = {},
  variant,
}: {
  action: FormAction;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  values?: Record<string, string>;
  variant?: "primary" | "secondary";
}) {
  const { state, formAction } = useActionForm(action);
  return (
    <Form label={label} action={formAction} state={state}>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingText={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
