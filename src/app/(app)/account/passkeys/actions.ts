"use server";

import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { Session } from "next-auth";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { registrationResponseSchema, removePasskeySchema, renamePasskeySchema } from "@/lib/passkey-schemas";
import { SIGN_IN_PATH } from "@/lib/routes";
import { describeUserAgent } from "@/lib/user-agent";
import { requireRecentAuthentication } from "@/server/auth/step-up";
import { crossSiteProblem, securityAction } from "@/server/forms/validated-action";
import { removePasskey, renamePasskey } from "@/server/passkeys/manage";
import { passkeyRegistrationOptions, registerPasskey, type RegistrationResult } from "@/server/passkeys/registration";
import { auth } from "@/auth";

const PASSKEYS_PATH = "/account/passkeys";

/** The signed-in session of a same-origin request (the ceremony's steps are called from code, not forms). */
async function signedInSession(): Promise<Session> {
  const session = await auth();
  if (!session?.user?.email) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(PASSKEYS_PATH)}`);
  if ((await crossSiteProblem()) || session.supportAccess) redirect(PASSKEYS_PATH);
  return session;
}

function owner(session: Session) {
  return { id: session.user.id, email: session.user.email!, name: session.user.name ?? null };
}

/**
 * Adding a passkey adds a way in: like connecting GitHub, it needs a recent sign-in. The browser
 * sees `undefined` when it was sent to "Confirm it's you" instead.
 */
export async function startPasskeyRegistrationAction(): Promise<
  { options: PublicKeyCredentialCreationOptionsJSON } | undefined
> {
  const session = await signedInSession();
  requireRecentAuthentication(session, PASSKEYS_PATH);
  return { options: await passkeyRegistrationOptions(owner(session)) };
}

const NOT_ADDED: Record<Exclude<RegistrationResult, { ok: true }>["reason"], string> = {
  expired: "That took too long, or the request was already used. Please try again.",
  invalid: "Your passkey couldn't be verified, so it wasn't added. Please try again.",
  "already-registered": "That passkey is already registered. Use it to sign in, or add one from another device.",
};

/** The browser sees `undefined` if it was sent elsewhere (signed out meanwhile). */
export async function finishPasskeyRegistrationAction(response: unknown): Promise<ActionState | undefined> {
  const session = await signedInSession();
  const parsed = registrationResponseSchema.safeParse(response);
  if (!parsed.success) return { error: NOT_ADDED.invalid };
  // Its first name: where it was made ("Chrome 131 on macOS"); the owner can rename it.
  const name = describeUserAgent((await headers()).get("user-agent"));
  const result = await registerPasskey(owner(session), parsed.data as RegistrationResponseJSON, name);
  if (!result.ok) return { error: NOT_ADDED[result.reason] };
  revalidatePath(PASSKEYS_PATH);
  return { success: `Passkey added: “${result.name}”. You can rename it below.` };
}

export const renamePasskeyAction = securityAction(renamePasskeySchema, async ({ passkeyId, name }, session) => {
  if (!(await renamePasskey(session.user.id, passkeyId, name))) return { error: "That passkey was removed." };
  revalidatePath(PASSKEYS_PATH);
  return { success: "Name saved." };
});

export const removePasskeyAction = securityAction(removePasskeySchema, async ({ passkeyId }, session) => {
  requireRecentAuthentication(session, PASSKEYS_PATH);
  const result = await removePasskey(owner(session), passkeyId);
  if (result === "not-found") return { error: "That passkey was already removed." };
  if (result === "last-method") {
    return {
      error:
        "This passkey is your only way to sign in. Set a password, confirm your email or add another passkey before removing it.",
    };
  }
  redirect(`${PASSKEYS_PATH}?notice=removed`);
});
