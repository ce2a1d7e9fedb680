import "server-only";
import type { Session } from "next-auth";
import { notFound } from "next/navigation";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { auth } from "@/auth";
import { validatedAction } from "../forms/validated-action";

/**
 * The session's user is a platform admin. The role comes from the database on every request: the
 * session read that middleware does anyway selects it with the session (src/server/sessions/read.ts,
 * SESSION_USER_FIELDS), so a demoted admin's next request is refused and nothing is cached anywhere
 * else. Changes re-read it inside their transaction (./held.ts).
 */
export function isAdmin(session: Session | null): session is Session {
  return session?.user?.role === "admin";
}

/** For /admin pages: the admin's session, or 404 for everyone else (signed out, a user, a demoted admin). */
export async function requireAdmin(): Promise<Session> {
  const session = await auth();
  if (!isAdmin(session)) notFound();
  return session;
}

export const NO_LONGER_ADMIN: ActionState = { error: "You are no longer an administrator. Reload the page." };

/**
 * A server action on an /admin page: 404 unless the session's user is an admin (before the body
 * is even parsed: a non-admin learns nothing from field errors), then validatedAction
 * (same-origin, one value per field, the schema). Every user id it takes from the form is looked
 * up again by the handler.
 */
export function adminAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, session: Session) => Promise<ActionState>,
) {
  return async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    const session = await auth();
    if (!isAdmin(session)) notFound();
    return validatedAction(schema, (data) => handler(data, session))(previous, formData);
  };
}
