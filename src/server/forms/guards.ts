import "server-only";
import type { ActionState } from "@/lib/action-state";
import { MailDeliveryError } from "../mail/messages";
import { currentClientIp } from "../security/client-ip";
import { rateLimitMessage } from "@/lib/format";
import { limitEmailSend } from "../security/limits";

/**
 * For actions that email an address: the email limits, counted before anything else. Returns the
 * form's message when the address or this IP is over its limit, null to go on.
 */
export async function emailLimitProblem(email: string): Promise<ActionState | null> {
  const limit = await limitEmailSend(email, await currentClientIp());
  return limit.ok ? null : { error: rateLimitMessage(limit.retryAfterSeconds) };
}

/** Runs a send the user waits for; a refused message becomes words for the form, never a crash. */
export async function sendOrExplain(send: () => Promise<unknown>): Promise<ActionState | null> {
  try {
    await send();
    return null;
  } catch (error) {
    if (error instanceof MailDeliveryError) {
      return { error: "We couldn't send the email. Check the address and try again in a moment." };
    }
    throw error;
  }
}
