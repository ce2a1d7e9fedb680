import "server-only";
import { db } from "./db";
import { verifyAgainstDummy, verifyPassword } from "./password";

export interface VerifiedUser {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
  emailVerified: Date | null;
}

/**
 * Checks an email + password. Unknown email, an account without a password and a wrong
 * password all return null after the same argon2 work, so neither the answer nor its timing
 * says whether the account exists.
 */
export async function verifyCredentials(email: string, password: string): Promise<VerifiedUser | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, image: true, emailVerified: true, passwordHash: true },
  });
  if (!user?.passwordHash) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  const { passwordHash: _omit, ...verified } = user;
  return verified;
}
