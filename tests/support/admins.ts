import { db } from "@/server/db";
import { createUser } from "./users";

/** A platform admin, written straight into the database (as `npm run user:role` would leave one). */
export async function createAdmin(options: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(options);
  return db.user.update({ where: { id: user.id }, data: { role: "admin" } });
}
