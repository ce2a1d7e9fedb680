import { can, type OrgRole } from "./org-permissions";

/**
 * What an API token may do, from a list kept here (never what a form sends). Each /api/v1 route
 * names the scope it needs (src/server/api-tokens/authenticate.ts); a token without it gets 403.
 */
export const API_SCOPES = {
  "profile:read": "Read your name and email address",
  "orgs:read": "List your organizations, your role and their members",
  "orgs:write": "Change organizations, as far as your role allows",
} as const;

export type ApiScope = keyof typeof API_SCOPES;
export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScope[];

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === "string" && Object.hasOwn(API_SCOPES, value);
}

/**
 * May a member with `role` put `scope` on a token for their organization? A token never holds
 * more than its owner's role: `orgs:write` needs a role that may change something (admin or
 * owner). Each request still checks the role the database holds then.
 */
export function canGrantScope(role: OrgRole, scope: ApiScope): boolean {
  return scope !== "orgs:write" || can({ role }, "members.changeRole");
}

/** How long a token lives: one of these, or a date up to API_TOKEN_MAX_DAYS away. Never "no expiry". */
export const API_TOKEN_EXPIRY_DAYS = [7, 30, 90] as const;
export const API_TOKEN_MAX_DAYS = 366;
export const API_TOKEN_NAME_MAX_LENGTH = 60;
/** Live tokens one person may hold: a bound on the rows one account can add. */
export const API_TOKENS_PER_USER = 50;
