/** Ports and environment for the e2e run: the app on `next start` and the local fakes. */
export const APP_PORT = 3100;
export const RESEND_PORT = 3101;
export const GITHUB_PORT = 3102;

export const APP_URL = `http://localhost:${APP_PORT}`;
export const RESEND_URL = `http://127.0.0.1:${RESEND_PORT}`;
export const GITHUB_URL = `http://127.0.0.1:${GITHUB_PORT}`;
export const E2E_DATABASE_FILE = ".tmp/e2e.db";

export const appEnv: Record<string, string> = {
  NEXT_DIST_DIR: ".next-e2e",
  DATABASE_URL: `file:./${E2E_DATABASE_FILE}`,
  AUTH_URL: APP_URL,
  AUTH_SECRET: "e2e-secret-not-for-production-use-0123456789abcdef",
  AUTH_RESEND_KEY: "re_e2e_fake_key",
  RESEND_BASE_URL: RESEND_URL,
  EMAIL_FROM: "Gatehouse <login@gatehouse.test>",
  AUTH_GITHUB_ID: "e2e-github-client",
  AUTH_GITHUB_SECRET: "e2e-github-secret",
  AUTH_GITHUB_ENTERPRISE_URL: GITHUB_URL,
  NEXT_TELEMETRY_DISABLED: "1",
};
