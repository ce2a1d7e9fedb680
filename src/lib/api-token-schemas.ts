import { z } from "zod";
import {
  API_SCOPE_NAMES,
  API_TOKEN_EXPIRY_DAYS,
  API_TOKEN_MAX_DAYS,
  API_TOKEN_NAME_MAX_LENGTH,
  type ApiScope,
} from "./api-scopes";
import { idField } from "./validation";

/** The API token form's schemas: the server judges with these (src/app/(app)/account/api-tokens/actions.ts). */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Each scope is its own checkbox, `scope:<name>`, so a form field can only ever name one of ours. */
export const scopeField = (scope: ApiScope) => `scope:${scope}`;

const scopeFields = Object.fromEntries(API_SCOPE_NAMES.map((scope) => [scopeField(scope), z.literal("on").optional()]));

/** When a token chosen to last until `date` (YYYY-MM-DD) expires: the end of that day, UTC. */
export function endOfDay(date: string): Date {
  return new Date(`${date}T23:59:59.999Z`);
}

export const createApiTokenSchema = z
  .object({
    name: z
      .string({ message: "Give the token a name." })
      .transform((v) => v.normalize("NFKC").replace(/\s+/g, " ").trim())
      .pipe(
        z
          .string()
          .min(1, "Give the token a name, such as where it will be used.")
          .max(API_TOKEN_NAME_MAX_LENGTH, `Keep the name under ${API_TOKEN_NAME_MAX_LENGTH} characters.`)
          .regex(/^[^\p{Cc}\p{Cf}]*$/u, "Use letters, digits, spaces and punctuation."),
      ),
    expiresIn: z
      .string({ message: "Choose when the token expires." })
      .refine((v) => v === "custom" || API_TOKEN_EXPIRY_DAYS.map(String).includes(v), "Choose when the token expires."),
    expiresOn: z.string().max(10).optional(),
    orgSlug: z.string().max(80).optional(),
    ...scopeFields,
  })
  .transform((data, ctx) => {
    const scopes = API_SCOPE_NAMES.filter((scope) => (data as Record<string, unknown>)[scopeField(scope)] === "on");
    if (scopes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["scopes"], message: "Choose at least one scope." });
      return z.NEVER;
    }
    const now = Date.now();
    let expiresAt: Date;
    if (data.expiresIn === "custom") {
      const date = /^\d{4}-\d{2}-\d{2}$/.test(data.expiresOn ?? "") ? endOfDay(data.expiresOn!) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== data.expiresOn) {
        ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "Enter the date the token expires." });
        return z.NEVER;
      }
      const today = new Date(now).toISOString().slice(0, 10);
      const latest = new Date(now + API_TOKEN_MAX_DAYS * DAY_MS).toISOString().slice(0, 10);
      if (data.expiresOn! <= today || data.expiresOn! > latest) {
        ctx.addIssue({
          code: "custom",
          path: ["expiresOn"],
          message: `Choose a date from tomorrow up to ${API_TOKEN_MAX_DAYS} days from now.`,
        });
        return z.NEVER;
      }
      expiresAt = date;
    } else {
      expiresAt = new Date(now + Number(data.expiresIn) * DAY_MS);
    }
    return { name: data.name, scopes, expiresAt, orgSlug: data.orgSlug ? data.orgSlug : null };
  });

export const revokeApiTokenSchema = z.object({ tokenId: idField });
