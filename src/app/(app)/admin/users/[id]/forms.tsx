"use client";

import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { BAN_REASON_MAX } from "@/lib/admin-schemas";
import { banUserAction } from "./actions";

const selectClass =
  "block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground shadow-sm focus:border-ring focus:ring-2 focus:ring-ring/30 focus:outline-none";

/** Suspend: a reason (for the other admins and the audit log) and how long. */
export function BanForm({ userId }: { userId: string }) {
  const { state, formAction, field } = useActionForm(banUserAction);
  return (
    <Form label="Suspend this user" action={formAction} state={state}>
      <input type="hidden" name="userId" value={userId} />
      <Field {...field("reason")} label="Reason" maxLength={BAN_REASON_MAX} required />
      <div className="space-y-1.5">
        <label htmlFor="ban-duration" className="block text-sm font-medium text-foreground">
          For
        </label>
        <select id="ban-duration" name="duration" defaultValue="" className={selectClass}>
          <option value="">Until lifted</option>
          <option value="1d">1 day</option>
          <option value="7d">7 days</option>
          <option value="30d">30 days</option>
        </select>
      </div>
      <SubmitButton variant="secondary" pendingText="Suspending…">
        Suspend and sign out everywhere
      </SubmitButton>
    </Form>
  );
}
