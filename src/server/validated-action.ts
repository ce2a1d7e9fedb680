import "server-only";
import type { Session } from "next-auth";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { SIGN_IN_PATH } from "@/lib/routes";
import { getCurrentSession } from "./auth-session";

const SECRET_FIELDS = new Set(["password", "currentPassword", "newPassword"]);

function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !SECRET_FIELDS.has(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

/**
 * Wraps a form's server action: parses FormData with the zod schema and returns field errors
 * (with the non-secret values echoed back) when it does not fit; otherwise runs `handler`.
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, formData: FormData) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        fieldErrors[key] ??= issue.message;
      }
      return { fieldErrors, values: echoValues(formData) };
    }
    const result = await handler(parsed.data, formData);
    return { values: echoValues(formData), ...result };
  };
}

/** Like validatedAction, for signed-in pages: the handler also gets the current session. */
export function validatedActionWithUser<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, session: Session) => Promise<ActionState>,
) {
  return validatedAction(schema, async (data) => {
    const session = await getCurrentSession();
    if (!session?.user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent("/account")}`);
    return handler(data, session);
  });
}
