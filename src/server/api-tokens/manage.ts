import "server-only";
import { canGrantScope, API_TOKENS_PER_USER, type ApiScope } from "@/lib/api-scopes";
import { db } from "../db";
import { sendApiTokenChangedEmail, sendNotice } from "../mail/messages";
import { findMembership } from "../orgs/membership";
import { recordSecurityEvent } from "../security/security-log";
import { generateApiToken } from "./format";

/** /account/api-tokens: make (shown once), list, revoke. Checking a token is ./authenticate.ts. */

export interface NewApiToken {
  name: string;
  scopes: ApiScope[];
  expiresAt: Date;
  /** Set: an organization token, acting only there. */
  orgSlug: string | null;
}

export type CreateApiTokenResult =
  { ok: true; token: string; name: string } | { ok: false; field: "orgSlug" | "scopes" | "form"; message: string };

interface Owner {
  id: string;
  email: string;
}

export async function createApiToken(owner: Owner, input: NewApiToken): Promise<CreateApiTokenResult> {
  let organizationId: string | null = null;
  if (input.orgSlug) {
    // Read from the database now; the form's list of organizations decides nothing.
    const member = await findMembership(owner.id, input.orgSlug);
    if (!member) return { ok: false, field: "orgSlug", message: "You are not a member of that organization." };
    const refused = input.scopes.find((scope) => !canGrantScope(member.role, scope));
    if (refused) {
      return {
        ok: false,
        field: "scopes",
        message: `As a ${member.role} of ${member.organization.name} you can't give a token “${refused}”.`,
      };
    }
    organizationId = member.organization.id;
  }
  const live = await db.apiToken.count({ where: { userId: owner.id, expiresAt: { gt: new Date() } } });
  if (live >= API_TOKENS_PER_USER) {
    return {
      ok: false,
      field: "form",
      message: `You have ${API_TOKENS_PER_USER} tokens, the most one account may hold. Revoke one you no longer use first.`,
    };
  }
  const { token, tokenHash, lastFour } = generateApiToken();
  await db.apiToken.create({
    data: {
      userId: owner.id,
      organizationId,
      name: input.name,
      tokenHash,
      lastFour,
      scopes: input.scopes.join(" "),
      expiresAt: input.expiresAt,
    },
  });
  await recordSecurityEvent(owner.id, "api-token-created", input.name);
  await sendNotice("api-token-created", () => sendApiTokenChangedEmail(owner.email, "created", input.name));
  return { ok: true, token, name: input.name };
}

export async function listApiTokens(userId: string) {
  const rows = await db.apiToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      lastFour: true,
      scopes: true,
      expiresAt: true,
      createdAt: true,
      lastUsedAt: true,
      lastUsedIp: true,
      organization: { select: { name: true, slug: true } },
    },
  });
  return rows.map((row) => ({ ...row, scopes: row.scopes.split(" ") }));
}

/** Deletes one of the owner's tokens; false when it is not theirs (or is gone). */
export async function revokeApiToken(owner: Owner, tokenId: string): Promise<boolean> {
  const token = await db.apiToken.findFirst({ where: { id: tokenId, userId: owner.id }, select: { name: true } });
  if (!token) return false;
  const { count } = await db.apiToken.deleteMany({ where: { id: tokenId, userId: owner.id } });
  if (count !== 1) return false;
  await recordSecurityEvent(owner.id, "api-token-revoked", token.name);
  await sendNotice("api-token-revoked", () => sendApiTokenChangedEmail(owner.email, "revoked", token.name));
  return true;
}
