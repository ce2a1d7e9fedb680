import { describe, expect, it } from "vitest";
import { can, canActOn, canGrant, ORG_ACTIONS, ORG_ROLES, type OrgAction, type OrgRole } from "@/lib/org-permissions";

// The ladder, written out by hand: each role × each action, and who may act on and grant whom.
const ALLOWED: Record<OrgRole, OrgAction[]> = {
  member: ["org.view", "members.list", "org.leave"],
  admin: [
    "org.view",
    "members.list",
    "org.leave",
    "members.changeRole",
    "members.remove",
    "invitations.manage",
    "audit.view",
  ],
  owner: [...ORG_ACTIONS],
};

describe("can(membership, action)", () => {
  for (const role of ORG_ROLES) {
    for (const action of ORG_ACTIONS) {
      const expected = ALLOWED[role].includes(action);
      it(`${role} ${expected ? "may" : "may not"} ${action}`, () => {
        expect(can({ role }, action)).toBe(expected);
      });
    }
  }

  it("someone who is not a member may do nothing", () => {
    for (const action of ORG_ACTIONS) {
      expect(can(null, action)).toBe(false);
      expect(can(undefined, action)).toBe(false);
    }
  });
});

describe("acting on another member", () => {
  const ACTS_ON: [OrgRole, OrgRole, boolean][] = [
    ["member", "member", false],
    ["member", "admin", false],
    ["member", "owner", false],
    ["admin", "member", true],
    ["admin", "admin", false],
    ["admin", "owner", false],
    ["owner", "member", true],
    ["owner", "admin", true],
    ["owner", "owner", true],
  ];
  for (const [actor, target, expected] of ACTS_ON) {
    it(`${actor} ${expected ? "may" : "may not"} change or remove ${target}`, () => {
      expect(canActOn(actor, target)).toBe(expected);
    });
  }

  const GRANTS: [OrgRole, OrgRole, boolean][] = [
    ["member", "member", false],
    ["admin", "member", true],
    ["admin", "admin", true],
    ["admin", "owner", false],
    ["owner", "owner", true],
  ];
  for (const [actor, role, expected] of GRANTS) {
    it(`${actor} ${expected ? "may" : "may not"} grant ${role}`, () => {
      expect(canGrant(actor, role)).toBe(expected);
    });
  }
});
