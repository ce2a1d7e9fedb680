/** What each audit log action means to a reader: the organization's log and /admin/audit. */
export const AUDIT_LABELS: Record<string, string> = {
  "org.created": "Created the organization",
  "org.renamed": "Renamed the organization",
  "org.slug-changed": "Changed the URL",
  "org.ownership-transferred": "Transferred ownership",
  "member.joined": "Joined",
  "member.role-changed": "Changed a role",
  "member.removed": "Removed a member",
  "member.left": "Left",
  "invitation.sent": "Sent an invitation",
  "invitation.revoked": "Revoked an invitation",
  "invitation.declined": "Declined an invitation",
  "user.banned": "Suspended a user",
  "user.unbanned": "Lifted a suspension",
  "user.role-changed": "Changed a platform role",
  "user.session-ended": "Ended a user's session",
  "user.sessions-ended": "Ended all of a user's sessions",
};
