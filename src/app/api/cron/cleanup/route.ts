import { NextResponse, type NextRequest } from "next/server";
import { cleanupExpiredRecords } from "@/server/cleanup";
import { env } from "@/server/env";
import { clientIpFrom } from "@/server/security/client-ip";
import { forgiveCronSecretTry, limitCronSecretTry } from "@/server/security/limits";
import { bearerToken } from "@/server/security/request-guards";
import { hashToken, sameHash } from "@/server/security/secrets";

/**
 * The cleanup (src/server/cleanup.ts) for hosts where no process stays up to run it on a timer:
 * on serverless (Vercel) the server's six-hourly timer never fires, so a scheduler calls this
 * instead, with `Authorization: Bearer $CRON_SECRET` (Vercel Cron's convention; vercel.json
 * schedules it). docs/deploy.md.
 * - CRON_SECRET unset: 404, as if the route were not there.
 * - Each try is counted per IP before the token is compared (forgiven when it was right), and the
 *   comparison is of hashes, in constant time. A token in the query string, a cookie or a second
 *   Authorization header counts for nothing: the same 401 as a wrong one.
 */
export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export async function GET(request: NextRequest) {
  if (!env.CRON_SECRET) return new NextResponse("Not found", { status: 404, headers: noStore });
  const ip = clientIpFrom(request.headers);
  const limit = await limitCronSecretTry(ip);
  if (!limit.ok) {
    return NextResponse.json(
      { error: "rate_limited" },
      { status: 429, headers: { ...noStore, "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const token = bearerToken(request.headers);
  if (!token || !sameHash(hashToken(token), hashToken(env.CRON_SECRET))) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401, headers: noStore });
  }
  await forgiveCronSecretTry(ip);
  const deleted = await cleanupExpiredRecords();
  return NextResponse.json({ deleted }, { headers: noStore });
}
