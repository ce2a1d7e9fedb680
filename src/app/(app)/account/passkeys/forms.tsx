"use client";

import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { useState, useTransition } from "react";
import { Form } from "@/components/forms/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/action-state";
import { describePasskeyError, NO_PASSKEY_SUPPORT } from "@/lib/passkey-errors";
import { PASSKEY_NAME_MAX_LENGTH } from "@/lib/passkey-schemas";
import { finishPasskeyRegistrationAction, renamePasskeyAction, startPasskeyRegistrationAction } from "./actions";

/**
 * "Add a passkey": the server issues a challenge, the browser asks the device to make a passkey
 * for it, the server checks the answer and keeps the public key. Needs JavaScript (WebAuthn is a
 * browser API); the list and the rename and remove forms below work without it.
 */
export function AddPasskeyButton() {
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();

  function add() {
    if (!browserSupportsWebAuthn()) {
      setState({ error: NO_PASSKEY_SUPPORT.register });
      return;
    }
    setState({});
    startTransition(async () => {
      const start = await startPasskeyRegistrationAction();
      // Nothing came back: on the way to "Confirm it's you", as the sign-in is not recent.
      if (!start) return;
      let response;
      try {
        response = await startRegistration({ optionsJSON: start.options });
      } catch (failure) {
        setState({ error: describePasskeyError(failure, "register") });
        return;
      }
      const result = await finishPasskeyRegistrationAction(response);
      if (result) setState(result);
    });
  }

  return (
    <div className="space-y-3">
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.success ? <Alert tone="info">{state.success}</Alert> : null}
      <div className="max-w-xs">
        <Button type="button" onClick={add} disabled={pending} aria-disabled={pending}>
          {pending ? "Waiting for your device…" : "Add a passkey"}
        </Button>
      </div>
    </div>
  );
}

export function RenamePasskeyForm({ passkeyId, name }: { passkeyId: string; name: string }) {
  const { state, formAction, field } = useActionForm(renamePasskeyAction);
  const input = field("name");
  return (
    <Form label={`Rename ${name}`} action={formAction} state={state}>
      <input type="hidden" name="passkeyId" value={passkeyId} />
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <Field
            {...input}
            defaultValue={input.defaultValue ?? name}
            label="Name"
            autoComplete="off"
            required
            maxLength={PASSKEY_NAME_MAX_LENGTH}
          />
        </div>
        <div className="w-24">
          <SubmitButton variant="secondary" pendingText="Saving…">
            Save
          </SubmitButton>
        </div>
      </div>
    </Form>
  );
}
