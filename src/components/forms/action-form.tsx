"use client";

import { useActionState, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { PasswordField } from "@/components/ui/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { PasswordStrengthMeter } from "./password-strength-meter";

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "hidden";
  autoComplete?: string;
  defaultValue?: string;
  hint?: string;
  inputMode?: "numeric" | "email" | "text";
  /** A new password: shows the strength meter. */
  newPassword?: boolean;
}

function NewPasswordField({
  id,
  spec,
  error,
  userInputs,
}: {
  id: string;
  spec: FieldSpec;
  error?: string;
  userInputs: string[];
}) {
  const [value, setValue] = useState("");
  return (
    <div className="space-y-2">
      <PasswordField
        id={id}
        label={spec.label}
        name={spec.name}
        autoComplete={spec.autoComplete ?? "new-password"}
        hint={spec.hint}
        error={error}
        required
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <PasswordStrengthMeter password={value} userInputs={userInputs} />
    </div>
  );
}

/**
 * A form bound to a server action: fields from a spec, errors inline, values kept on error.
 * Works without JavaScript (the action runs as a plain form POST).
 */
export function ActionForm({
  action,
  fields,
  submitLabel,
  pendingLabel,
  ariaLabel,
  variant,
  strengthInputs = [],
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: FieldSpec[];
  submitLabel: string;
  pendingLabel: string;
  ariaLabel: string;
  variant?: "primary" | "secondary";
  strengthInputs?: string[];
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  // Unique ids, so two forms on one page can both have an "email" field.
  const formId = useId();
  return (
    <form action={formAction} className="space-y-4" aria-label={ariaLabel} noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.success ? <Alert tone="info">{state.success}</Alert> : null}
      {fields.map((spec) => {
        const error = state.fieldErrors?.[spec.name];
        if (spec.type === "hidden") {
          return <input key={spec.name} type="hidden" name={spec.name} value={spec.defaultValue ?? ""} />;
        }
        if (spec.newPassword) {
          return (
            <NewPasswordField
              key={spec.name}
              id={`${formId}-${spec.name}`}
              spec={spec}
              error={error}
              userInputs={strengthInputs}
            />
          );
        }
        if (spec.type === "password") {
          return (
            <PasswordField
              key={spec.name}
              id={`${formId}-${spec.name}`}
              label={spec.label}
              name={spec.name}
              autoComplete={spec.autoComplete}
              hint={spec.hint}
              error={error}
            />
          );
        }
        return (
          <Field
            key={spec.name}
            id={`${formId}-${spec.name}`}
            label={spec.label}
            name={spec.name}
            type={spec.type ?? "text"}
            autoComplete={spec.autoComplete}
            inputMode={spec.inputMode}
            hint={spec.hint}
            error={error}
            defaultValue={state.values?.[spec.name] ?? spec.defaultValue}
          />
        );
      })}
      <SubmitButton variant={variant} pendingText={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
