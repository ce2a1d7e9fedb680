import "server-only";
import { SignJWT, type JWTPayload } from "jose";
import { randomUUID } from "node:crypto";
import { env } from "../env";
import type { OrgMember } from "../orgs/membership";
import { currentSigningKey, SERVICE_TOKEN_SECONDS, SIGNING_ALG } from "./signing-keys";

/**
 * A service token: a JWT another backend verifies with our public keys (/.well-known/jwks.json),
 * without our database or a shared secret. Five minutes at most, for one audience. It says who the
 * user is (`sub`), which session asked (`sid`, its id, never its token) and, when asked for, their
 * organization and role as the database held them when it was issued. No email or name unless
 * SERVICE_TOKEN_CLAIMS names them. docs/decisions/0023-api-access.md.
 */
export const HASURA_NAMESPACE = "https://hasura.io/jwt/claims";

export interface ServiceTokenSubject {
  userId: string;
  sessionId: string;
  email: string | null;
  name: string | null;
}

export function isServiceAudience(audience: string): boolean {
  return env.SERVICE_TOKEN_AUDIENCES?.includes(audience) ?? false;
}

function profileClaims(subject: ServiceTokenSubject): JWTPayload {
  const claims: JWTPayload = {};
  const wanted = env.SERVICE_TOKEN_CLAIMS ?? [];
  if (wanted.includes("email")) claims.email = subject.email;
  if (wanted.includes("name")) claims.name = subject.name;
  return claims;
}

function hasuraClaims(subject: ServiceTokenSubject, member: OrgMember | null): JWTPayload {
  const role = member ? `org-${member.role}` : "user";
  return {
    [HASURA_NAMESPACE]: {
      "x-hasura-user-id": subject.userId,
      "x-hasura-default-role": role,
      "x-hasura-allowed-roles": [...new Set(["user", role])],
      ...(member ? { "x-hasura-org-id": member.organization.id } : {}),
    },
  };
}

export async function issueServiceToken(
  subject: ServiceTokenSubject,
  audience: string,
  member: OrgMember | null,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const { kid, privateKey } = await currentSigningKey();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + SERVICE_TOKEN_SECONDS) * 1000);
  const payload: JWTPayload = {
    sid: subject.sessionId,
    ...(member ? { org: { id: member.organization.id, slug: member.organization.slug, role: member.role } } : {}),
    ...profileClaims(subject),
    ...(env.SERVICE_TOKEN_HASURA === "on" ? hasuraClaims(subject, member) : {}),
  };
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: "JWT" })
    .setIssuer(env.appUrl)
    .setSubject(subject.userId)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + SERVICE_TOKEN_SECONDS)
    .setJti(randomUUID())
    .sign(privateKey);
  return { token, expiresAt };
}
