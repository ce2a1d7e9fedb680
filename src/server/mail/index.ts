import "server-only";
import { createElement } from "react";
import { MagicLinkEmail, magicLinkSubject } from "@emails/magic-link";
import { sendEmail } from "./send";

export { MailDeliveryError } from "./send";

export function sendMagicLinkEmail(to: string, url: string, expiresInMinutes: number) {
  return sendEmail({
    to,
    subject: magicLinkSubject,
    react: createElement(MagicLinkEmail, { url, email: to, expiresInMinutes }),
  });
}
