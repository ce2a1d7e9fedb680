import { passkeyRegistrationOptions, registerPasskey } from "@/server/passkeys/registration";
import { SoftAuthenticator, type SoftAuthenticatorOptions } from "./authenticator";
import { createUser } from "./users";

/** A user with one passkey, added through the real registration checks. */
export async function userWithPasskey(
  userOptions: Parameters<typeof createUser>[0] = {},
  authenticatorOptions: SoftAuthenticatorOptions = {},
) {
  const user = await createUser(userOptions);
  const owner = { id: user.id, email: user.email, name: user.name };
  const device = new SoftAuthenticator(authenticatorOptions);
  const added = await registerPasskey(owner, device.createCredential(await passkeyRegistrationOptions(owner)), "Phone");
  if (!added.ok) throw new Error(`registration failed: ${added.reason}`);
  return { user, owner, device, passkeyId: added.passkeyId };
}

export async function addAnotherPasskey(owner: { id: string; email: string; name: string | null }) {
  const device = new SoftAuthenticator();
  const added = await registerPasskey(owner, device.createCredential(await passkeyRegistrationOptions(owner)), "Key");
  if (!added.ok) throw new Error(added.reason);
  return added.passkeyId;
}
