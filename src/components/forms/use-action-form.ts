"use client";

import { useActionState, useId } from "react";
import { initialActionState, type ActionState } from "@/lib/action-state";

export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Binds a form to its server action. `field(name)` gives an input what it needs: its name, an id
 * unique on the page, its error, and the value the server echoed back (an allowlist: never a
 * secret), so a form re-rendered without JavaScript keeps what was typed.
 */
export function useActionForm(action: FormAction) {
  const [state, formAction] = useActionState(action, initialActionState);
  const formId = useId();
  const field = (name: string) => ({
    id: `${formId}-${name}`,
    name,
    error: state.fieldErrors?.[name],
    defaultValue: state.values?.[name],
  });
  return { state, formAction, field };
}

/** A field's props with `value` shown when the server echoed nothing back (a prefilled address). */
export function withDefault<F extends { defaultValue?: string }>(input: F, value: string | undefined): F {
  return { ...input, defaultValue: input.defaultValue ?? value };
}
