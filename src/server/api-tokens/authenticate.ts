import "server-only";
import { Prisma } from "@prisma/client";
import { NextResponse, type NextRequest } from "next/server";
import type { ApiScope } from "@/lib/api-scopes";
import { isOrgRole } from "@/lib/org-permissions";
import { site } from "@/config/site";
import { isBanActive } from "../admin/bans";
import { db } from "../db";
import type { OrgMember } from "../orgs/membership";
import { clientIpFrom } from "../security/client-ip";
import { limitApiRequest, recordApiTokenFailure } from "../security/limits";
import { bearerToken } from "../security/request-guards";
import { hashToken } from "../security/secrets";
import { isWellFormedApiToken } from "./format";

/**
 * Who an /api/v1 call is from: the API token in `Authorization: Bearer …`, and nothing else (no
 * cookie, no query string). The checks, in order:
 * - no token, two of them, or one whose shape or checksum is wrong: 401, before any database read;
 * - the IP over its wrong-token limit, or the token or IP over its call rate: 429;
 * - one statement reads the token with its owner and, for an organization token, the owner's
 *   membership there. Unknown, expired, its owner suspended, or no longer a member: the same 401
 *   (and a wrong token counts against the IP);
 * - the route's scope missing: 403.
 * A revoked token is deleted, and a deleted account's tokens with it: they are unknown.
 */
export interface ApiCaller {
  tokenId: string;
  userId: string;
  scopes: ApiScope[];
  /** An organization token: its owner's membership there, as the database holds it now. */
  member: OrgMember | null;
}

interface TokenRow {
  id: string;
  userId: string;
  scopes: string;
  expiresAt: Date | string;
  lastUsedAt: Date | string | null;
  lastUsedIp: string | null;
  organizationId: string | null;
  bannedAt: Date | string | null;
  banExpires: Date | string | null;
  membershipId: string | null;
  role: string | null;
  orgName: string | null;
  orgSlug: string | null;
}

const noStore = { "Cache-Control": "no-store" };

/** The one answer for every token that opens nothing, whatever the reason. */
export function invalidTokenResponse(): NextResponse {
  return NextResponse.json(
    { error: "invalid_token", message: "Send a valid API token as `Authorization: Bearer <token>`." },
    { status: 401, headers: { ...noStore, "WWW-Authenticate": `Bearer realm="${site.slug}", error="invalid_token"` } },
  );
}

function insufficientScope(scope: ApiScope): NextResponse {
  return NextResponse.json(
    { error: "insufficient_scope", message: `This token does not have the "${scope}" scope.`, scope },
    {
      status: 403,
      headers: { ...noStore, "WWW-Authenticate": `Bearer realm="${site.slug}", error="insufficient_scope"` },
    },
  );
}

async function findToken(tokenHash: string): Promise<TokenRow | null> {
  const rows = await db.$queryRaw<TokenRow[]>`
    SELECT t."id", t."userId", t."scopes", t."expiresAt", t."lastUsedAt", t."lastUsedIp", t."organizationId",
           u."bannedAt", u."banExpires", m."id" AS "membershipId", m."role", o."name" AS "orgName", o."slug" AS "orgSlug"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    LEFT JOIN "Membership" m ON m."organizationId" = t."organizationId" AND m."userId" = t."userId"
    LEFT JOIN "Organization" o ON o."id" = t."organizationId"
    WHERE t."tokenHash" = ${tokenHash}`;
  return rows[0] ?? null;
}

function callerFrom(row: TokenRow, now: Date): ApiCaller | null {
  if (new Date(row.expiresAt) <= now || isBanActive(row, now)) return null;
  const scopes = row.scopes.split(" ") as ApiScope[];
  if (!row.organizationId) return { tokenId: row.id, userId: row.userId, scopes, member: null };
  if (!row.membershipId || !isOrgRole(row.role) || !row.orgSlug || row.orgName === null) return null;
  return {
    tokenId: row.id,
    userId: row.userId,
    scopes,
    member: {
      membershipId: row.membershipId,
      userId: row.userId,
      role: row.role,
      organization: { id: row.organizationId, name: row.orgName, slug: row.orgSlug },
    },
  };
}

/** "Last used" is written at most once a minute, or when the address changes: one UPDATE. */
const LAST_USED_EVERY_MS = 60_000;

async function recordUse(row: TokenRow, ip: string, now: Date): Promise<void> {
  const address = ip === "unknown" ? null : ip;
  const last = row.lastUsedAt ? new Date(row.lastUsedAt).getTime() : 0;
  if (now.getTime() - last < LAST_USED_EVERY_MS && row.lastUsedIp === address) return;
  await db.$executeRaw(
    Prisma.sql`UPDATE "ApiToken" SET "lastUsedAt" = ${now}, "lastUsedIp" = ${address} WHERE "id" = ${row.id}`,
  );
}

export type ApiAuthentication = { ok: true; caller: ApiCaller } | { ok: false; response: NextResponse };

export async function authenticateApiRequest(request: NextRequest, scope: ApiScope): Promise<ApiAuthentication> {
  const token = bearerToken(request.headers);
  if (!token || !isWellFormedApiToken(token)) return { ok: false, response: invalidTokenResponse() };
  const tokenHash = hashToken(token);
  const ip = clientIpFrom(request.headers);
  const limit = await limitApiRequest(tokenHash, ip);
  if (!limit.ok) {
    const response = NextResponse.json(
      { error: "rate_limited", message: "Too many requests. Wait a little, then try again." },
      { status: 429, headers: { ...noStore, "Retry-After": String(limit.retryAfterSeconds) } },
    );
    return { ok: false, response };
  }
  const now = new Date();
  const row = await findToken(tokenHash);
  const caller = row ? callerFrom(row, now) : null;
  if (!row || !caller) {
    await recordApiTokenFailure(ip);
    return { ok: false, response: invalidTokenResponse() };
  }
  if (!caller.scopes.includes(scope)) return { ok: false, response: insufficientScope(scope) };
  await recordUse(row, ip, now);
  return { ok: true, caller };
}

/**
 * An /api/v1 route handler that needs `scope`: the handler runs only for a token that has it, and
 * gets its caller. Responses are never cached.
 */
export function apiRoute<Context>(
  scope: ApiScope,
  handler: (request: NextRequest, caller: ApiCaller, context: Context) => Promise<NextResponse>,
) {
  return async (request: NextRequest, context: Context): Promise<NextResponse> => {
    const authenticated = await authenticateApiRequest(request, scope);
    if (!authenticated.ok) return authenticated.response;
    const response = await handler(request, authenticated.caller, context);
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}
