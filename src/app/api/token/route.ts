import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/auth";
import { env } from "@/server/env";
import { findMembership } from "@/server/orgs/membership";
import { limitServiceToken } from "@/server/security/limits";
import { readBody } from "@/server/security/request-body";
import { isSameOriginRequest } from "@/server/security/request-guards";
import { isServiceAudience, issueServiceToken } from "@/server/service-tokens/issue";

/**
 * POST /api/token `{ "audience": "orders-api", "org": "acme" }` → `{ token, expiresAt }`: a
 * five-minute JWT for another service (src/server/service-tokens/issue.ts). For the app's own
 * pages: same-origin only, with the signed-in session (middleware answers 401 without one, and
 * while the second factor is pending). Only POST; GET and the rest get 405 from Next.
 * SERVICE_TOKEN_AUDIENCES unset: 404.
 */
export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

function refuse(status: number, error: string, message: string, headers: Record<string, string> = {}) {
  return NextResponse.json({ error, message }, { status, headers: { ...noStore, ...headers } });
}

export async function POST(request: NextRequest) {
  if (!env.SERVICE_TOKEN_AUDIENCES) return new NextResponse("Not found", { status: 404, headers: noStore });
  if (!isSameOriginRequest(request.headers)) {
    return refuse(403, "cross_site", "Service tokens are issued to this app's own pages only.");
  }
  const session = await auth();
  if (!session?.user) return refuse(401, "unauthenticated", "Sign in first.");
  if (session.supportAccess) {
    return refuse(403, "support_access", "Service tokens are not issued during support access.");
  }
  const body = await readBody(request, ["json"]);
  if (!body.ok) return refuse(body.status, "bad_request", body.error);
  const audience = body.params.get("audience") ?? "";
  const slug = body.params.get("org");
  if (!isServiceAudience(audience)) {
    return refuse(400, "unknown_audience", "Name one of the services in SERVICE_TOKEN_AUDIENCES as `audience`.");
  }
  const limit = await limitServiceToken(session.user.id);
  if (!limit.ok) {
    return refuse(429, "rate_limited", "Too many tokens asked for. Wait a little, then try again.", {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }
  const member = slug === null ? null : await findMembership(session.user.id, slug);
  if (slug !== null && !member) return refuse(403, "not_a_member", "You are not a member of that organization.");
  const subject = {
    userId: session.user.id,
    sessionId: session.sessionId,
    email: session.user.email ?? null,
    name: session.user.name ?? null,
  };
  const { token, expiresAt } = await issueServiceToken(subject, audience, member);
  return NextResponse.json({ token, expiresAt: expiresAt.toISOString() }, { headers: noStore });
}
