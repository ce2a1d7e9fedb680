// `npm run user:role -- <email> admin|user [--yes]`: makes a user a platform admin (or a user
// again). How the first admin is made; later ones can be made from /admin. Refuses in production
// (NODE_ENV=production) unless --yes is given. Recorded in the audit log and the user's security log.
import { config as loadEnv } from "dotenv";

loadEnv({ path: [".env.local", ".env"], quiet: true });

const USAGE = "Usage: npm run user:role -- <email> admin|user [--yes]";

async function main() {
  const args = process.argv.slice(2);
  const yes = args.includes("--yes");
  const [email, role, ...rest] = args.filter((arg) => arg !== "--yes");
  if (!email || (role !== "admin" && role !== "user") || rest.length > 0) throw new Error(USAGE);
  if (process.env.NODE_ENV === "production" && !yes) {
    throw new Error(`NODE_ENV is production: add --yes to change ${email}'s role on this database.`);
  }
  const { db } = await import("../src/server/db");
  const { changePlatformRole } = await import("../src/server/admin/roles");
  try {
    const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
    if (!user) throw new Error(`No account has the address ${email}. Sign up first, then run this again.`);
    const result = await changePlatformRole(null, user.id, role);
    const messages: Record<string, string> = {
      changed: `${email} is now ${role === "admin" ? "an admin: /admin is open to them" : "a user"}.`,
      unchanged: `${email} already is ${role === "admin" ? "an admin" : "a user"}.`,
      "last-admin": `${email} is the last admin; make someone else an admin first.`,
      banned: `${email} is suspended; lift the suspension first.`,
    };
    const message = messages[result] ?? `Not changed: ${result}.`;
    if (result !== "changed" && result !== "unchanged") throw new Error(message);
    console.log(message);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
