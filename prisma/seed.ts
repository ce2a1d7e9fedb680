// `npm run db:seed`: a demo account for local development. Refuses to run in production, and
// wherever a mail key is set (whatever NODE_ENV says): that is a real deployment.
// Runs with the react-server condition so the app's server-only modules load outside Next.
import { config as loadEnv } from "dotenv";

loadEnv({ path: [".env.local", ".env"], quiet: true });

const DEMO = { email: "demo@gatehouse.localhost", password: "gatehouse-demo-password", name: "Demo User" };
// A platform admin (/admin), and an organization the demo user owns with the admin as a member.
const DEMO_ADMIN = { email: "admin@gatehouse.localhost", password: "gatehouse-demo-admin", name: "Demo Admin" };
const DEMO_ORG = { slug: "demo", name: "Demo Org" };

async function main() {
  if (process.env.NODE_ENV === "production" || process.env.AUTH_RESEND_KEY) {
    throw new Error(
      "db:seed creates a demo account with a published password; it does not run in production or where AUTH_RESEND_KEY is set.",
    );
  }
  // Imported after the env files are loaded: src/server/env.ts reads process.env once.
  const { db } = await import("../src/server/db");
  const { hashPassword } = await import("../src/server/security/password-hashing");
  const passwordHash = await hashPassword(DEMO.password);
  const demo = await db.user.upsert({
    where: { email: DEMO.email },
    update: { passwordHash, name: DEMO.name },
    create: { email: DEMO.email, name: DEMO.name, passwordHash, emailVerified: new Date() },
  });
  const adminHash = await hashPassword(DEMO_ADMIN.password);
  const admin = await db.user.upsert({
    where: { email: DEMO_ADMIN.email },
    update: { passwordHash: adminHash, name: DEMO_ADMIN.name, role: "admin" },
    create: {
      email: DEMO_ADMIN.email,
      name: DEMO_ADMIN.name,
      passwordHash: adminHash,
      role: "admin",
      emailVerified: new Date(),
    },
  });
  const org = await db.organization.upsert({
    where: { slug: DEMO_ORG.slug },
    update: {},
    create: DEMO_ORG,
  });
  for (const [userId, role] of [
    [demo.id, "owner"],
    [admin.id, "member"],
  ] as const) {
    await db.membership.upsert({
      where: { organizationId_userId: { organizationId: org.id, userId } },
      update: {},
      create: { organizationId: org.id, userId, role },
    });
  }
  await db.$disconnect();
  console.log(
    `Demo accounts ready. Sign in at /sign-in with\n  email:    ${DEMO.email}\n  password: ${DEMO.password}\n` +
      `or, as a platform admin (/admin):\n  email:    ${DEMO_ADMIN.email}\n  password: ${DEMO_ADMIN.password}\n` +
      `Both are in the organization /orgs/${DEMO_ORG.slug}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
