import type { User } from "@prisma/client";

/**
 * The User columns a session carries: what `session.user` holds beside `id`, wherever the session
 * is read (`auth()`, `useSession()`, `/api/auth/session`). The one list: the session read's SQL
 * (./read.ts), Auth.js's `session` callback and the `Session` type (auth.ts) derive from it. To
 * show a new column in the session: add it to the User model (prisma/schema/auth.prisma), make
 * the migration (`npm run db:new-migration`), and add its name here
 * (tests/integration/session-user-fields.test.ts proves the path). Never a secret such as
 * `passwordHash`: the session reaches the browser.
 */
export const SESSION_USER_FIELDS = ["name", "email", "image", "role"] as const satisfies readonly Carried[];

/** Any User column but the id (always there) and the password hash (never). */
type Carried = Exclude<keyof User, "id" | "passwordHash">;

/** What a column becomes on its way through JSON: a DateTime arrives as an ISO string. */
type AsJson<T> = T extends Date ? string : T;

/** The carried columns as `session.user` types them (augmented onto next-auth's Session in auth.ts). */
export type SessionUserFields = { [K in (typeof SESSION_USER_FIELDS)[number]]: AsJson<User[K]> };

/** A column name as SQL reads it: a fixed identifier, never input (the list above is code). */
export function sessionUserColumns(alias: string): string[] {
  return SESSION_USER_FIELDS.map((field) => {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(field)) throw new Error(`Not a column name: ${field}`);
    return `${alias}."${field}"`;
  });
}

/** The carried columns of a row (a raw one, or Auth.js's AdapterUser), as the session holds them. */
export function sessionUserFields(row: Record<string, unknown>): SessionUserFields {
  return Object.fromEntries(
    SESSION_USER_FIELDS.map((field) => {
      const value = row[field];
      return [field, value instanceof Date ? value.toISOString() : (value ?? null)];
    }),
  ) as SessionUserFields;
}
