"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/api-token-schemas";
import { createApiToken, revokeApiToken } from "@/server/api-tokens/manage";
import { requireRecentAuthentication } from "@/server/auth/step-up";
import { securityAction } from "@/server/forms/validated-action";

const API_TOKENS_PATH = "/account/api-tokens";

function owner(session: { user: { id: string; email?: string | null } }) {
  return { id: session.user.id, email: session.user.email ?? "" };
}

/**
 * A new token is a new way to act as the account: it needs a recent sign-in, like a passkey, and
 * is never made in a support session (securityAction). The token is in the answer, once.
 */
export const createApiTokenAction = securityAction(createApiTokenSchema, async (input, session) => {
  requireRecentAuthentication(session, API_TOKENS_PATH);
  const result = await createApiToken(owner(session), input);
  if (!result.ok) {
    return result.field === "form" ? { error: result.message } : { fieldErrors: { [result.field]: result.message } };
  }
  revalidatePath(API_TOKENS_PATH);
  return { success: `Token “${result.name}” created.`, apiToken: result.token, values: {} };
});

export const revokeApiTokenAction = securityAction(revokeApiTokenSchema, async ({ tokenId }, session) => {
  if (!(await revokeApiToken(owner(session), tokenId))) return { error: "That token was already revoked." };
  redirect(`${API_TOKENS_PATH}?notice=revoked`);
});
