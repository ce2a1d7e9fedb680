import { NextResponse } from "next/server";
import { apiRoute } from "@/server/api-tokens/authenticate";
import { db } from "@/server/db";

/**
 * GET /api/v1/me with `Authorization: Bearer <API token>` (scope `profile:read`): the token's
 * owner. README, "API access".
 */
export const dynamic = "force-dynamic";

export const GET = apiRoute("profile:read", async (_request, caller) => {
  const user = await db.user.findUnique({
    where: { id: caller.userId },
    select: { id: true, name: true, email: true, image: true, createdAt: true },
  });
  if (!user) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return NextResponse.json({ user });
});
