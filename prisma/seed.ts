// `npm run db:seed`: a demo account for local development. Refuses to run in production, and
// wherever a mail key is set (whatever NODE_ENV says): that is a real deployment.
// Runs with the react-server condition so the app's server-only modules load outside Next.
import { config as loadEnv } from "dotenv";

loadEnv({ path: [".env.local", ".env"], quiet: true });

const DEMO = { email: "demo@gatehouse.localhost", password: "gatehouse-demo-password", name: "Demo User" };

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
  await db.user.upsert({
    where: { email: DEMO.email },
    update: { passwordHash, name: DEMO.name },
    create: { email: DEMO.email, name: DEMO.name, passwordHash, emailVerified: new Date() },
  });
  await db.$disconnect();
  console.log(`Demo account ready. Sign in at /sign-in with\n  email:    ${DEMO.email}\n  password: ${DEMO.password}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
