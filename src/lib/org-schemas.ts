import { z } from "zod";
import { ORG_ROLES } from "./org-permissions";
import { ORG_SLUG_MAX, orgSlugProblem, slugFromName } from "./org-slug";
import { emailSchema, idField } from "./validation";

/** The org forms' schemas: the server judges with these (src/app/(app)/orgs/**\/actions.ts). */

export const ORG_NAME_MAX = 80;

export const orgNameSchema = z
  .string({ message: "Enter a name." })
  .transform((v) => v.normalize("NFKC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Enter a name.")
      .max(ORG_NAME_MAX, `Keep the name under ${ORG_NAME_MAX} characters.`)
      // Control and invisible formatting characters would hide in mail subjects and lists.
      .refine((v) => !/[\p{Cc}\p{Cf}]/u.test(v), "Use letters, digits, spaces and punctuation only."),
  );

/** A slug typed by the user: lower-cased; judged by orgSlugProblem. */
export const orgSlugSchema = z
  .string({ message: "Choose a URL." })
  .transform((v) => v.trim().toLowerCase())
  .pipe(
    z
      .string()
      .max(ORG_SLUG_MAX * 2, "Use at most 40 characters.")
      .superRefine((slug, ctx) => {
        const problem = orgSlugProblem(slug);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  );

/** New organization: the slug may be left empty, and is then made from the name. */
export const newOrgSchema = z
  .object({
    name: orgNameSchema,
    slug: z
      .string()
      .max(ORG_SLUG_MAX * 2)
      .optional(),
  })
  .transform(({ name, slug }) => ({ name, slug: slug?.trim() ? slug : slugFromName(name) }))
  .pipe(z.object({ name: z.string(), slug: orgSlugSchema }));

export const roleSchema = z.enum(ORG_ROLES, { message: "Choose a role." });

export const membershipIdSchema = z.object({ membershipId: idField });
export const changeRoleSchema = z.object({ membershipId: idField, role: roleSchema });
export const invitationIdSchema = z.object({ invitationId: idField });
export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const renameOrgSchema = z.object({ name: orgNameSchema });
export const changeSlugSchema = z.object({ slug: orgSlugSchema });
/** Deleting: the slug typed again, as a guard against a slip. */
export const deleteOrgSchema = z.object({ confirmSlug: z.string().max(ORG_SLUG_MAX * 2) });
