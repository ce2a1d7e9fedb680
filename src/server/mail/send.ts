import "server-only";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { env } from "../env";
import { hashCode } from "../security/secrets";
import { writeToOutbox } from "./outbox";

export class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
}

let client: Resend | undefined;

/**
 * A recipient as error logs name it: the domain, and a keyed hash an operator can match against
 * an address they already have (`recipientForLogs(address)` again), never the address itself.
 */
export function recipientForLogs(address: string): string {
  const domain = address.slice(address.lastIndexOf("@") + 1);
  return `#${hashCode("log-recipient", address).slice(0, 12)}@${domain}`;
}

/**
 * The one way Gatehouse sends mail. Renders a React Email template to HTML and plain text,
 * then sends it with the Resend SDK (which honours RESEND_BASE_URL), or, in development
 * without a key, keeps it in the local outbox and prints it.
 * Throws MailDeliveryError when the provider refuses the message, fails, or takes longer than
 * MAIL_SEND_TIMEOUT_MS; the callers then drop the token the message carried.
 */
export async function sendEmail({ to, subject, react }: { to: string; subject: string; react: ReactElement }) {
  const [html, text] = await Promise.all([render(react), render(react, { plainText: true })]);

  if (env.useOutbox) {
    const stored = await writeToOutbox({ to, from: env.emailFrom, subject, html, text });
    console.info(
      `\n[mail] To: ${to}\n[mail] Subject: ${subject}\n[mail] Open: ${env.appUrl}/dev/outbox/${stored.id}\n${text}\n`,
    );
    return { id: stored.id };
  }

  client ??= new Resend(env.AUTH_RESEND_KEY);
  // A mail API that doesn't answer is a failed send, not a page that never loads.
  const signal = AbortSignal.timeout(env.MAIL_SEND_TIMEOUT_MS);
  const { data, error } = await client.emails.send({ from: env.emailFrom, to, subject, html, text }, { signal });
  // The SDK reports failures (an aborted request too) in `error` instead of throwing.
  if (signal.aborted) {
    throw new MailDeliveryError(
      `Resend did not answer within ${env.MAIL_SEND_TIMEOUT_MS} ms (message to ${recipientForLogs(to)})`,
    );
  }
  if (error || !data) {
    throw new MailDeliveryError(
      `Resend refused the message to ${recipientForLogs(to)}: ${error?.message ?? "no response"}`,
    );
  }
  return { id: data.id };
}
