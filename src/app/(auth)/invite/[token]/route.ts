import { rememberInvitationToken } from "@/server/orgs/invitation-cookie";

/**
 * The emailed link, /invite/<token>: keeps the token in a cookie and goes on to /invite, which
 * shows the invitation. A GET changes nothing else, so a mail scanner that follows the link
 * accepts nothing (ADR 0009): accepting is a button on the page, a POST.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Only a token's shape is kept; /invite looks it up (and counts the try).
  if (/^[A-Za-z0-9_-]{20,100}$/.test(token)) await rememberInvitationToken(token);
  // A relative Location: the browser stays on the origin it came to (and keeps its cookies).
  return new Response(null, { status: 303, headers: { Location: "/invite" } });
}
