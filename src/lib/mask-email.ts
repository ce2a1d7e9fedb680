/**
 * An address shown to whoever holds an invitation link: enough for its owner to recognise, not
 * enough for someone the link was forwarded to to learn it (a***@example.com).
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
