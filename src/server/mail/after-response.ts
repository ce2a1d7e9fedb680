import "server-only";
import { afterResponse } from "../after-response";

/**
 * Work that looks up an address and sends mail, to run once the response is on its way. Flows
 * that must answer the same whether or not an address has an account (sign-up, forgot password,
 * resend verification, email change) return their whole address-dependent part as a job: the
 * lookup, the token and the send. So neither a slow mail API nor the database work that only an
 * existing account costs can make one answer slower than the other. A job cleans up after itself
 * when its send fails (no unverified account or unused token stays).
 */
export type MailJob = () => Promise<void>;

export function sendAfterResponse(job: MailJob): void {
  void afterResponse(job, "[mail] a message could not be sent");
}
