/**
 * Roles in an organization: a fixed ladder, and what each rung may do. This is the one place that
 * says so; every org page and action asks `can()` with the membership it read from the database.
 */
export const ORG_ROLES = ["member", "admin", "owner"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export function isOrgRole(value: unknown): value is OrgRole {
  return ORG_ROLES.some((role) => role === value);
}

const rank = (role: OrgRole) => ORG_ROLES.indexOf(role);

/** What a member does in their organization, with the lowest role allowed to. */
const LOWEST_ROLE = {
  "org.view": "member",
  "members.list": "member",
  "org.leave": "member",
  "members.changeRole": "admin",
  "members.remove": "admin",
  "invitations.manage": "admin",
  "audit.view": "admin",
  "org.rename": "owner",
  "org.changeSlug": "owner",
  "org.transferOwnership": "owner",
  "org.delete": "owner",
} as const satisfies Record<string, OrgRole>;

export type OrgAction = keyof typeof LOWEST_ROLE;
export const ORG_ACTIONS = Object.keys(LOWEST_ROLE) as OrgAction[];

/** May someone with this membership (none: not a member) do this in the organization? */
export function can(membership: { role: OrgRole } | null | undefined, action: OrgAction): boolean {
  return membership != null && rank(membership.role) >= rank(LOWEST_ROLE[action]);
}

/**
 * May `actor` change or remove a member whose role is `target`? Only someone above them; owners
 * are touched by owners only (the last-owner check is the caller's, in the same transaction).
 */
export function canActOn(actor: OrgRole, target: OrgRole): boolean {
  return rank(actor) > rank(target) || (actor === "owner" && target === "owner");
}

/** May `actor` give someone `role` (by invitation or a role change)? At most their own. */
export function canGrant(actor: OrgRole, role: OrgRole): boolean {
  return can({ role: actor }, "members.changeRole") && rank(role) <= rank(actor);
}
