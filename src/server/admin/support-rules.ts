import "server-only";
import { env } from "../env";

/**
 * The rules of support access (./support-access.ts), in one place for the code that opens a
 * support session and the session read (src/server/sessions/read.ts) that ends one the moment they
 * stop holding: it is switched on, its admin is still an admin, and its user is not one.
 */
export function supportAccessEnabled(): boolean {
  return env.ADMIN_IMPERSONATION === "on";
}

export function supportAccessHolds(roles: { adminRole: string | null; userRole: unknown }): boolean {
  return supportAccessEnabled() && roles.adminRole === "admin" && roles.userRole !== "admin";
}
