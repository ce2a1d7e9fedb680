import { NextResponse } from "next/server";
import { isDatabaseUnavailable, pingDatabase } from "@/server/database/health";

/**
 * For load balancers, orchestrators and the Dockerfile's HEALTHCHECK: 200 `{"status":"ok"}` when
 * the database answers `SELECT 1`, else 503 `{"status":"unavailable"}`. The answer never carries
 * the error (it would tell anyone where the database is and what it runs); the log does. Public,
 * and middleware reads no session for it (src/lib/routes.ts).
 */
export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export async function GET() {
  try {
    await pingDatabase();
    return NextResponse.json({ status: "ok" }, { headers: noStore });
  } catch (error) {
    if (isDatabaseUnavailable(error)) console.error(`[health] database unavailable: ${String(error)}`);
    else console.error("[health] database check failed", error);
    return NextResponse.json({ status: "unavailable" }, { status: 503, headers: noStore });
  }
}
