import "server-only";
import { after } from "next/server";

/**
 * Work that sends mail, to run once the response is on its way. Flows that must answer the same
 * whether or not an address has an account (sign-up, forgot password, resend verification, email
 * change) hand their mail here, so a slow mail API can't make one answer slower than the other.
 * A job cleans up after itself when its send fails (no unverified account or unused token stays).
 */
export type MailJob = () => Promise<void>;

export function sendAfterResponse(job: MailJob | null): void {
  if (!job) return;
  after(async () => {
    try {
      await job();
    } catch (error) {
      console.error("[mail] a message could not be sent", error);
    }
  });
}
