import { NextResponse, type NextRequest } from "next/server";
import { orgNameSchema } from "@/lib/org-schemas";
import { can } from "@/lib/org-permissions";
import { apiRoute, type ApiCaller } from "@/server/api-tokens/authenticate";
import { db } from "@/server/db";
import { findMembership, type OrgMember } from "@/server/orgs/membership";
import { renameOrganization } from "@/server/orgs/organizations";
import { readBody } from "@/server/security/request-body";

/**
 * /api/v1/orgs/<slug>: the organization of the URL, looked up for the token's owner (an
 * organization token: its own organization only). Not a member, or another organization's slug:
 * 404, the same as no such organization.
 * - GET (scope `orgs:read`): the organization, the caller's role and its members.
 * - PATCH `{ "name": "…" }` (scope `orgs:write`): renames it, if the owner's role, read now, may.
 */
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

const notFound = () => NextResponse.json({ error: "not_found", message: "No such organization." }, { status: 404 });

async function memberFor(caller: ApiCaller, context: Context): Promise<OrgMember | null> {
  const { slug } = await context.params;
  if (caller.member) return caller.member.organization.slug === slug ? caller.member : null;
  return findMembership(caller.userId, slug);
}

export const GET = apiRoute("orgs:read", async (_request: NextRequest, caller, context: Context) => {
  const member = await memberFor(caller, context);
  if (!member) return notFound();
  const members = await db.membership.findMany({
    where: { organizationId: member.organization.id },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return NextResponse.json({
    organization: { ...member.organization, role: member.role },
    members: members.map(({ role, createdAt, user }) => ({ ...user, role, joinedAt: createdAt })),
  });
});

export const PATCH = apiRoute("orgs:write", async (request: NextRequest, caller, context: Context) => {
  const member = await memberFor(caller, context);
  if (!member) return notFound();
  if (!can(member, "org.rename")) {
    return NextResponse.json(
      { error: "forbidden", message: "Only an owner can rename the organization." },
      { status: 403 },
    );
  }
  const body = await readBody(request, ["json"]);
  if (!body.ok) return NextResponse.json({ error: "bad_request", message: body.error }, { status: body.status });
  const name = orgNameSchema.safeParse(body.params.get("name") ?? undefined);
  if (!name.success) {
    return NextResponse.json({ error: "invalid_name", message: name.error.issues[0]!.message }, { status: 400 });
  }
  const result = await renameOrganization(member, name.data);
  if (result === "not-member") return notFound();
  if (result === "forbidden") {
    return NextResponse.json(
      { error: "forbidden", message: "Only an owner can rename the organization." },
      { status: 403 },
    );
  }
  return NextResponse.json({ organization: { ...member.organization, name: name.data, role: member.role } });
});
