import { z } from "zod";
import { idField } from "./validation";

/** The platform's roles (User.role): "admin" runs the SaaS (/admin); everyone else is a "user". */
export const PLATFORM_ROLES = ["user", "admin"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const BAN_REASON_MAX = 500;

export const userIdSchema = z.object({ userId: idField });
export const userSessionSchema = z.object({ userId: idField, sessionId: idField });
export const platformRoleSchema = z.object({
  userId: idField,
  role: z.enum(PLATFORM_ROLES, { message: "Choose a role." }),
});

/** How long a ban lasts, from the ban form's choices; "" is until an admin lifts it. */
export const BAN_DURATIONS = { "": null, "1d": 1, "7d": 7, "30d": 30 } as const;

export const banSchema = z.object({
  userId: idField,
  reason: z
    .string({ message: "Say why, for the other admins and the audit log." })
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, "Say why, for the other admins and the audit log.")
        .max(BAN_REASON_MAX, `Keep the reason under ${BAN_REASON_MAX} characters.`),
    ),
  duration: z.enum(Object.keys(BAN_DURATIONS) as [keyof typeof BAN_DURATIONS], { message: "Choose how long." }),
});

/** The console's search box: a name or the start of an address, lower-cased, at most 100 characters. */
export function adminSearchQuery(raw: string | string[] | undefined): string {
  const value = typeof raw === "string" ? raw : "";
  return value.trim().toLowerCase().slice(0, 100);
}

/** A page number from the query string: 1 for anything that is not a positive integer. */
export function pageNumber(raw: string | string[] | undefined): number {
  const value = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, value);
}
