import { enableTwoFactor, getTwoFactorState, startTwoFactorSetup } from "@/server/two-factor/factor";
import { totpCodeAt } from "@/server/two-factor/totp";
import { createUser } from "./users";

/** A user with two-factor on; returns the secret (as the app would have scanned it) and the backup codes. */
export async function userWithTwoFactor() {
  const user = await createUser();
  await startTwoFactorSetup(user.id);
  const state = await getTwoFactorState(user.id, user.email);
  if (state.status !== "setting-up") throw new Error("setup did not start");
  const backupCodes = await enableTwoFactor(user.id, totpCodeAt(state.secret, Date.now()));
  if (!backupCodes) throw new Error("setup did not finish");
  return { user, secret: state.secret, backupCodes };
}
