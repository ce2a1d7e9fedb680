"use client";

import { useState } from "react";
import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FieldError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { API_SCOPES, API_SCOPE_NAMES, API_TOKEN_EXPIRY_DAYS, API_TOKEN_NAME_MAX_LENGTH } from "@/lib/api-scopes";
import { scopeField } from "@/lib/api-token-schemas";
import { createApiTokenAction } from "./actions";

/** The organizations a token may be for (the server checks the membership again). */
export interface TokenOrganization {
  slug: string;
  name: string;
}

/**
 * "Create a token": name, scopes, expiry and, optionally, one organization. The token comes back
 * once, in the answer, and is shown here with Copy; the page never shows it again.
 */
export function CreateApiTokenForm({ organizations }: { organizations: TokenOrganization[] }) {
  const { state, formAction, field } = useActionForm(createApiTokenAction);
  const name = field("name");
  const expiresIn = field("expiresIn");
  const expiresOn = field("expiresOn");
  const orgSlug = field("orgSlug");
  return (
    <div className="space-y-4">
      {state.apiToken ? <NewToken token={state.apiToken} /> : null}
      <Form label="Create an API token" action={formAction} state={state.apiToken ? {} : state}>
        <Field
          {...name}
          label="Name"
          hint="Where it will be used, such as “Deploy script”."
          autoComplete="off"
          required
          maxLength={API_TOKEN_NAME_MAX_LENGTH}
        />
        <fieldset className="space-y-2" aria-describedby={state.fieldErrors?.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium text-foreground">Scopes</legend>
          {API_SCOPE_NAMES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name={scopeField(scope)}
                defaultChecked={state.values?.[scopeField(scope)] === "on"}
                className="mt-0.5"
              />
              <span>
                <code className="font-mono">{scope}</code> — {API_SCOPES[scope]}
              </span>
            </label>
          ))}
          <FieldError id="scopes" error={state.fieldErrors?.scopes} />
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          {/* Keyed by the echoed choice: React applies a <select>'s defaultValue only when it mounts. */}
          <SelectField
            {...expiresIn}
            key={`expires-${expiresIn.defaultValue}`}
            label="Expires"
            defaultValue={expiresIn.defaultValue ?? "30"}
          >
            {API_TOKEN_EXPIRY_DAYS.map((days) => (
              <option key={days} value={String(days)}>
                In {days} days
              </option>
            ))}
            <option value="custom">On the date below</option>
          </SelectField>
          <Field {...expiresOn} type="date" label="Expiry date" hint="For “On the date below”; at most a year away." />
        </div>
        {organizations.length > 0 ? (
          <SelectField
            {...orgSlug}
            key={`org-${orgSlug.defaultValue}`}
            label="Acts for"
            defaultValue={orgSlug.defaultValue ?? ""}
          >
            <option value="">You (every organization you are in)</option>
            {organizations.map((org) => (
              <option key={org.slug} value={org.slug}>
                {org.name} only
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="max-w-xs">
          <SubmitButton pendingText="Creating…">Create token</SubmitButton>
        </div>
      </Form>
    </div>
  );
}

function NewToken({ token }: { token: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
    >
      <p className="text-sm font-medium text-amber-900 dark:text-amber-100">
        Copy your new token now: this is the only time it is shown. Send it as{" "}
        <code className="font-mono">Authorization: Bearer …</code>.
      </p>
      <p className="font-mono text-sm break-all text-amber-950 dark:text-amber-50" data-testid="new-api-token">
        {token}
      </p>
      <button
        type="button"
        className="text-sm font-medium text-primary underline"
        onClick={() => {
          void navigator.clipboard.writeText(token).then(() => setCopied(true));
        }}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}
