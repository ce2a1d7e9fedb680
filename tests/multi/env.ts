/**
 * Two app instances behind a round-robin proxy, on one database (playwright.multi.config.ts).
 * Ports E2E_PORT_BASE+10 … +12, clear of the e2e suite's; the fake Resend on the e2e suite's port
 * (so its mail helpers work here too). One database both instances share: a fresh SQLite file, or
 * on a PostgreSQL project TEST_DATABASE_URL, emptied.
 */
import { testDatabaseUrl } from "../../scripts/database.mjs";
import { RESEND_PORT, RESEND_URL } from "../e2e/env";
import { E2E_DIST_DIR } from "../e2e/prepare-app.mjs";

export { RESEND_PORT, RESEND_URL };

const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
/** The public address: tests/fakes/round-robin.ts, alternating between the two instances. */
export const PROXY_PORT = PORT_BASE + 10;
export const INSTANCE_PORTS = [PORT_BASE + 11, PORT_BASE + 12] as const;

export const APP_URL = `http://localhost:${PROXY_PORT}`;

export const multiEnv: Record<string, string> = {
  // The e2e suite's build folder: the two never run at once (they share the fake Resend's port),
  // and CI starts these instances on the build the e2e suite just made (REUSE_BUILD=1).
  NEXT_DIST_DIR: E2E_DIST_DIR,
  DATABASE_URL: testDatabaseUrl("./.tmp/multi.db"),
  // Both instances build every link from the proxy's address, as behind a real load balancer.
  AUTH_URL: APP_URL,
  AUTH_SECRET: "multi-secret-not-for-production-use-0123456789abc",
  AUTH_RESEND_KEY: "re_multi_fake_key",
  RESEND_BASE_URL: RESEND_URL,
  EMAIL_FROM: "Gatehouse <login@gatehouse.test>",
  // The test's own X-Forwarded-For (a visitor's address) and the proxy's entry are both trusted.
  TRUSTED_PROXY_HOPS: "2",
  NEXT_TELEMETRY_DISABLED: "1",
  // tests/multi/signing-keys.spec.ts: the public keys are published only with service tokens on.
  SERVICE_TOKEN_AUDIENCES: "orders-api",
  INSTANCE_PORTS: INSTANCE_PORTS.join(","),
  PROXY_PORT: String(PROXY_PORT),
  ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
};
