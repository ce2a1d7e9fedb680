import { expect } from "@playwright/test";
import { RESEND_URL } from "../env";

interface SentEmail {
  subject: string;
  html: string;
  text: string;
  to: string[];
}

/** All messages the fake Resend accepted for `to`, oldest first. */
export async function emailsTo(to: string): Promise<SentEmail[]> {
  const response = await fetch(`${RESEND_URL}/__test__/emails?to=${encodeURIComponent(to)}`);
  return (await response.json()) as SentEmail[];
}

/** Waits for the newest email to `to` and returns it. */
export async function latestEmailTo(to: string, count = 1): Promise<SentEmail> {
  let emails: SentEmail[] = [];
  await expect
    .poll(async () => (emails = await emailsTo(to)).length, { message: `an email to ${to}` })
    .toBeGreaterThanOrEqual(count);
  return emails.at(-1)!;
}

/**
 * Waits for an email to `to` with this subject and returns it. Notices are sent after the page has
 * answered, so one may land after the next step's mail: look for it by subject, not by position.
 */
export async function emailTo(to: string, subject: string): Promise<SentEmail> {
  let found: SentEmail | undefined;
  await expect
    .poll(async () => (found = (await emailsTo(to)).find((email) => email.subject === subject))?.subject, {
      message: `an email to ${to}: "${subject}"`,
    })
    .toBe(subject);
  return found!;
}

/** The first link in the email's plain-text part that points at the app. */
export function linkIn(email: SentEmail, appUrl: string): string {
  const match = email.text.match(new RegExp(`${appUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/\\S+`));
  if (!match) throw new Error(`No app link in email "${email.subject}":\n${email.text}`);
  return match[0];
}
