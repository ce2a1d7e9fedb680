import "server-only";
import type { Session } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { API_SCOPE_NAMES } from "@/lib/api-scopes";
import { scopeField } from "@/lib/api-token-schemas";
import { SIGN_IN_PATH } from "@/lib/routes";
import { auth } from "@/auth";
import { refuseDuringSupport } from "../admin/support-access";
import { isSameOriginRequest, repeatedParam } from "../security/request-guards";

/**
 * Fields a form may get back after an error, so a page re-rendered without JavaScript keeps what
 * was typed. An allowlist: passwords, codes and tokens are never sent back.
 */
const ECHOED_FIELDS: readonly string[] = [
  "name",
  "email",
  "newEmail",
  "confirmEmail",
  "slug",
  // The API token form's choices (src/app/(app)/account/api-tokens/forms.tsx).
  "expiresIn",
  "expiresOn",
  "orgSlug",
  ...API_SCOPE_NAMES.map(scopeField),
];

function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of ECHOED_FIELDS) {
    const value = formData.get(key);
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

const CROSS_SITE: ActionState = { error: "This form was sent from another site. Reload this page and try again." };

/**
 * Refuses a server action that did not come from one of our own pages. Next.js checks the Origin
 * of server actions too, but lets a request without one through; this does not.
 */
export async function crossSiteProblem(): Promise<ActionState | null> {
  return isSameOriginRequest(await headers()) ? null : CROSS_SITE;
}

/**
 * Wraps a form's server action: refuses cross-site requests and repeated `email`/`token`/`code`
 * fields, parses FormData with the zod schema and returns field errors (with the allowlisted
 * values echoed back) when it does not fit; otherwise runs `handler`.
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, formData: FormData) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const refused = await crossSiteProblem();
    if (refused) return refused;
    if (repeatedParam(formData)) return { error: "This form was sent twice over. Reload this page and try again." };
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
    const session = await auth();
    if (!session?.user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent("/account")}`);
    return handler(data, session);
  });
}

/**
 * Like validatedActionWithUser, for the account's sign-in and security settings (passwords, email,
 * GitHub, two-factor, passkeys, sessions, step-up, deletion): a support session is refused before
 * the handler runs (src/server/admin/support-access.ts).
 */
export function securityAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, session: Session) => Promise<ActionState>,
) {
  return validatedActionWithUser(
    schema,
    async (data, session) => refuseDuringSupport(session) ?? handler(data, session),
  );
}
