import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { hashPassword } from "@/server/password";

/** A unique address per test: test files run in parallel against one database. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

export async function createUser(
  options: { email?: string; password?: string; verified?: boolean; name?: string } = {},
) {
  return db.user.create({
    data: {
      email: options.email ?? uniqueEmail("user"),
      name: options.name ?? null,
      passwordHash: options.password ? await hashPassword(options.password) : null,
      emailVerified: options.verified === false ? null : new Date(),
    },
  });
}
