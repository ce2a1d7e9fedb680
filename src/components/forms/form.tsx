import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import type { ActionState } from "@/lib/action-state";

/**
 * A form bound to a server action (see useActionForm), with the action's message for the whole
 * form above its fields. It works without JavaScript: the action runs as a plain form POST. The
 * browser's own validation is off (`noValidate`): the server judges, in the same words either way.
 */
export function Form({
  label,
  action,
  state,
  children,
}: {
  label: string;
  action: (formData: FormData) => void;
  state: ActionState;
  children: ReactNode;
}) {
  return (
    <form action={action} className="space-y-4" aria-label={label} noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.success ? <Alert tone="info">{state.success}</Alert> : null}
      {children}
    </form>
  );
}
