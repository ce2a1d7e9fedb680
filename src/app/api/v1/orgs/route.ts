import { NextResponse } from "next/server";
import { apiRoute } from "@/server/api-tokens/authenticate";
import { myOrganizations } from "@/server/orgs/membership";

/**
 * GET /api/v1/orgs (scope `orgs:read`): the organizations the token's owner belongs to, with
 * their role. An organization token sees its own organization only.
 */
export const dynamic = "force-dynamic";

export const GET = apiRoute("orgs:read", async (_request, caller) => {
  const memberships = caller.member ? [caller.member] : (await myOrganizations(caller.userId)).memberships;
  return NextResponse.json({
    organizations: memberships.map(({ organization, role }) => ({ ...organization, role })),
  });
});
