"use client";

import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useEffect, useRef, useState, useTransition } from "react";
import { finishPasskeySignInAction, startPasskeySignInAction } from "@/actions/passkey-sign-in";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describePasskeyError, NO_PASSKEY_SUPPORT } from "@/lib/passkey-errors";

type WebAuthn = typeof import("@simplewebauthn/browser");

/** The passkey library, loaded when a passkey is reached for, not with the page. */
const loadWebAuthn = (): Promise<WebAuthn> => import("@simplewebauthn/browser");

/** Can this browser offer passkeys in the email field's autofill? Asked without the library. */
async function autofillSupported(): Promise<boolean> {
  const credential = typeof window === "undefined" ? undefined : window.PublicKeyCredential;
  return typeof credential?.isConditionalMediationAvailable === "function"
    ? credential.isConditionalMediationAvailable().catch(() => false)
    : false;
}

/**
 * "Sign in with a passkey". Where the browser supports it, passkeys are also offered in the email
 * fields' autofill (conditional mediation: those inputs carry `autocomplete="username webauthn"`),
 * waiting quietly, with the options the page came with, until one is picked. The button always
 * works: it cancels the quiet request, asks for fresh options and opens the passkey dialog.
 * The WebAuthn library loads after the page, only in a browser that can use it.
 */
export function PasskeySignIn({
  callbackUrl,
  autofillOptions,
}: {
  callbackUrl: string;
  autofillOptions: PublicKeyCredentialRequestOptionsJSON | null;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const loaded = useRef<WebAuthn | null>(null);

  async function answer(webauthn: WebAuthn, optionsJSON: PublicKeyCredentialRequestOptionsJSON, autofill: boolean) {
    let response;
    try {
      response = await webauthn.startAuthentication({ optionsJSON, useBrowserAutofill: autofill });
    } catch (failure) {
      // The quiet autofill request ends whenever the button starts a new one: nothing to say.
      if (!autofill) setError(describePasskeyError(failure, "sign-in"));
      return;
    }
    // Nothing comes back on success: the action redirected.
    const result = await finishPasskeySignInAction(response, callbackUrl);
    if (!result) return;
    setError(result.error);
    if (result.unknownPasskey && optionsJSON.rpId) {
      // A passkey removed here but still on the device: ask the device to forget it (where supported).
      const signal = { signalName: "unknownCredential", rpID: optionsJSON.rpId, credentialID: response.id } as const;
      webauthn.sendSignal(signal).catch(() => undefined);
    }
  }

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      if (!autofillOptions || !(await autofillSupported()) || cancelled) return;
      const webauthn = (loaded.current ??= await loadWebAuthn());
      if (!cancelled) await answer(webauthn, autofillOptions, true);
    })();
    return () => {
      cancelled = true;
      loaded.current?.WebAuthnAbortService.cancelCeremony();
    };
    // Once per visit to the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function signIn() {
    setError(null);
    if (typeof window.PublicKeyCredential !== "function") {
      setError(NO_PASSKEY_SUPPORT["sign-in"]);
      return;
    }
    startTransition(async () => {
      const [webauthn, start] = await Promise.all([loaded.current ?? loadWebAuthn(), startPasskeySignInAction()]);
      loaded.current = webauthn;
      if ("error" in start) setError(start.error);
      else await answer(webauthn, start.options, false);
    });
  }

  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Button type="button" variant="secondary" onClick={signIn} disabled={pending} aria-disabled={pending}>
        <PasskeyMark />
        {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </Button>
    </div>
  );
}

function PasskeyMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="7.5" cy="15.5" r="4.5" />
      <path d="m10.7 12.3 9.8-9.8M17 6l3 3M14.5 8.5l2 2" strokeLinecap="round" />
    </svg>
  );
}
