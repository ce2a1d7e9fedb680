import { db } from "@/server/db";
import { hashPassword } from "@/server/security/password-hashing";

import { uniqueEmail } from "./random";

export { uniqueEmail };

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
