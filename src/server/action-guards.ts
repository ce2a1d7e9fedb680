import "server-only";
import type { ActionState } from "@/lib/action-state";
import { MailDeliveryError } from "./mail";
import { consumeRateLimits, rateLimitMessage, type RateLimitName } from "./rate-limit";
import { currentClientIp } from "./request-info";

/**
 * For actions that email an address: counts against the per-address and per-IP email limits (plus
 * any `extraLimits`) before doing anything, and turns a failed send into a message for the form.
 * Returns null when `send` went through.
 */
export async function sendWithinEmailLimits(
  email: string,
  send: () => Promise<unknown>,
  extraLimits: Array<[RateLimitName, string]> = [],
): Promise<ActionState | null> {
  const limit = await consumeRateLimits([
    ...extraLimits,
    ["emailSend", email],
    ["emailSendIp", `ip:${await currentClientIp()}`],
  ]);
  if (!limit.ok) return { error: rateLimitMessage(limit.retryAfterSeconds) };
  try {
    await send();
  } catch (error) {
    if (error instanceof MailDeliveryError) {
      return { error: "We couldn't send the email. Check the address and try again in a moment." };
    }
    throw error;
  }
  return null;
}
