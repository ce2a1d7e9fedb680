"use server";

import { redirect } from "next/navigation";
import { rateLimitMessage } from "@/lib/format";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { callbackOnlySchema, stepUpCodeSchema, stepUpPasswordSchema, stepUpSecondFactorSchema } from "@/lib/validation";
import { emailLimitProblem, sendOrExplain } from "@/server/forms/guards";
import {
  needsSecondFactor,
  SECOND_FACTOR_NEEDED,
  sendStepUpCode,
  stepUpWithCode,
  stepUpWithPassword,
  stepUpWithSecondFactor,
} from "@/server/auth/step-up";
import { currentClientIp } from "@/server/security/client-ip";
import { forgiveSecretTry, limitSecretTry } from "@/server/security/limits";
import { securityAction } from "@/server/forms/validated-action";

export const stepUpWithPasswordAction = securityAction(
  stepUpPasswordSchema,
  async ({ password, callbackUrl }, session) => {
    const result = await stepUpWithPassword(session, password, await currentClientIp());
    if (!result.ok) return { fieldErrors: { password: result.error } };
    redirect(safeCallbackPath(callbackUrl, "/account"));
  },
);

export const sendStepUpCodeAction = securityAction(callbackOnlySchema, async ({ callbackUrl }, session) => {
  // A code could not step up an account with two-factor on: none is sent.
  if (await needsSecondFactor(session.user.id)) return { error: SECOND_FACTOR_NEEDED };
  const email = session.user.email ?? "";
  const limited = await emailLimitProblem(email);
  if (limited) return limited;
  const failed = await sendOrExplain(() => sendStepUpCode(session.user.id, email));
  if (failed) return failed;
  redirect(
    `/account/reauthenticate?sent=1&callbackUrl=${encodeURIComponent(safeCallbackPath(callbackUrl, "/account"))}`,
  );
});

export const stepUpWithCodeAction = securityAction(stepUpCodeSchema, async ({ code, callbackUrl }, session) => {
  // Counted per account: anonymous guesses at the address can't use up the owner's tries.
  const codeTry = { kind: "account-code", userId: session.user.id, ip: await currentClientIp() } as const;
  const limit = await limitSecretTry(codeTry);
  if (!limit.ok) return { error: rateLimitMessage(limit.retryAfterSeconds) };
  const result = await stepUpWithCode(session, code);
  if (!result.ok) return { fieldErrors: { code: result.error } };
  await forgiveSecretTry(codeTry);
  redirect(safeCallbackPath(callbackUrl, "/account"));
});

export const stepUpWithSecondFactorAction = securityAction(
  stepUpSecondFactorSchema,
  async ({ code, callbackUrl }, session) => {
    const result = await stepUpWithSecondFactor(session, code, await currentClientIp());
    if (!result.ok) return { fieldErrors: { code: result.error } };
    redirect(safeCallbackPath(callbackUrl, "/account"));
  },
);
