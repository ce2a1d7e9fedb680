/**
 * Ports and environment for the e2e run: the app (standalone build, `npm start`) and the local fakes. Eight ports
 * from E2E_PORT_BASE (default 3100), so two checkouts can run their suites side by side.
 */
import { schemaProvider, testDatabaseUrl } from "../../scripts/database.mjs";
import { E2E_DIST_DIR } from "./prepare-app.mjs";

const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
export const APP_PORT = PORT_BASE;
export const RESEND_PORT = PORT_BASE + 1;
export const GITHUB_PORT = PORT_BASE + 2;
/** tests/fakes/proxy.ts: an appending reverse proxy in front of the app (the attack suite). */
export const PROXY_PORT = PORT_BASE + 3;
/** tests/fakes/cross-site.ts: another website, for login-CSRF attacks. */
export const CROSS_SITE_PORT = PORT_BASE + 4;

export const APP_URL = `http://localhost:${APP_PORT}`;
export const RESEND_URL = `http://127.0.0.1:${RESEND_PORT}`;
export const GITHUB_URL = `http://127.0.0.1:${GITHUB_PORT}`;
export const PROXY_URL = `http://127.0.0.1:${PROXY_PORT}`;
export const CROSS_SITE_URL = `http://127.0.0.1:${CROSS_SITE_PORT}`;
/** A fresh SQLite file, or on a project switched to PostgreSQL, TEST_DATABASE_URL (emptied by start-app.mjs). */
export const E2E_DATABASE_URL = testDatabaseUrl("./.tmp/e2e.db");
/** "sqlite", or "postgresql" once the project is switched: some specs belong to one of them. */
export const E2E_DATABASE_KIND = schemaProvider();

/** `npm run dev` as a fresh clone runs it: no mail key, no AUTH_URL, mail to the local outbox. */
export const DEV_PORT = PORT_BASE + 5;
/** A second server of the same build with SQL logging, for tests/e2e/one-lookup.spec.ts. */
export const SQL_LOG_PORT = PORT_BASE + 6;
/** A third server of the same build whose database is missing at start-up, for tests/e2e/health.spec.ts. */
export const DB_DOWN_PORT = PORT_BASE + 7;
/** tests/e2e/database-down.spec.ts: a server of the same build whose database connection a test cuts. */
export const FAULT_APP_PORT = PORT_BASE + 13;
export const FAULT_DATABASE_PORT = PORT_BASE + 14;
/** tests/attacks/existence-timing.spec.ts: a server of the same build whose database is a slow round trip away. */
export const TIMING_APP_PORT = PORT_BASE + 15;
export const TIMING_DATABASE_PORT = PORT_BASE + 16;
export const DEV_URL = `http://localhost:${DEV_PORT}`;
export const devEnv: Record<string, string> = {
  NEXT_DIST_DIR: ".next-dev-e2e",
  DATABASE_URL: "file:./.tmp/dev-e2e.db",
  OUTBOX_DIR: ".tmp/dev-e2e-outbox",
  AUTH_SECRET: "dev-e2e-secret-not-for-production-use-0123456789",
  PORT: String(DEV_PORT),
  NEXT_TELEMETRY_DISABLED: "1",
};

export const appEnv: Record<string, string> = {
  NEXT_DIST_DIR: E2E_DIST_DIR,
  DATABASE_URL: E2E_DATABASE_URL,
  AUTH_URL: APP_URL,
  AUTH_SECRET: "e2e-secret-not-for-production-use-0123456789abcdef",
  AUTH_RESEND_KEY: "re_e2e_fake_key",
  RESEND_BASE_URL: RESEND_URL,
  EMAIL_FROM: "Gatehouse <login@gatehouse.test>",
  AUTH_GITHUB_ID: "e2e-github-client",
  AUTH_GITHUB_SECRET: "e2e-github-secret",
  AUTH_GITHUB_ENTERPRISE_URL: GITHUB_URL,
  NEXT_TELEMETRY_DISABLED: "1",
  // Off by default; on here for tests/attacks/support-access.spec.ts.
  ADMIN_IMPERSONATION: "on",
  // The services /api/token issues tokens for (tests/e2e/service-tokens.spec.ts, examples/express-api).
  SERVICE_TOKEN_AUDIENCES: "orders-api,billing-api",
};
