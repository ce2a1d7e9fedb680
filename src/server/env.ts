import "server-only";
import { z } from "zod";
import { site } from "@/config/site";

/**
 * Every environment variable the app reads, declared once. Optional integrations switch on
 * when their keys exist; production refuses to start without what it needs.
 */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** An http(s) URL: `z.url()` alone accepts "localhost:3000" (scheme "localhost:") and ftp://. */
const httpUrl = (message: string) => optional.pipe(z.url({ protocol: /^https?$/, message }).optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^(file|libsql|https?|wss?|postgres(ql)?):/, {
      message: 'must be a SQLite file ("file:./prisma/dev.db"), a libsql URL, or a postgresql:// URL',
    })
    .default("file:./prisma/dev.db"),
  AUTH_SECRET: optional,
  AUTH_URL: httpUrl("must be a full http(s) URL such as https://app.example.com"),
  AUTH_RESEND_KEY: optional,
  EMAIL_FROM: optional,
  RESEND_BASE_URL: httpUrl("must be a full http(s) URL"),
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  AUTH_GITHUB_ENTERPRISE_URL: httpUrl("must be a full http(s) URL such as https://github.example.com"),
  // Blank counts as unset, like every other variable here.
  MAGIC_LINK_MAX_AGE_MINUTES: optional.pipe(
    z.coerce
      .number<string | undefined>({ message: "must be a whole number of minutes" })
      .int("must be a whole number of minutes")
      .min(1, "must be at least 1 minute")
      .max(60, "must be at most 60 minutes: a sign-in link is a key to the account")
      .default(15),
  ),
  // How long one send to the mail API may take before it counts as failed (and its token is dropped).
  MAIL_SEND_TIMEOUT_MS: optional.pipe(
    z.coerce
      .number<string | undefined>({ message: "must be a whole number of milliseconds" })
      .int("must be a whole number of milliseconds")
      .min(100, "must be at least 100 ms")
      .max(60_000, "must be at most 60000 ms: people wait for this answer")
      .default(10_000),
  ),
  // PostgreSQL: how many connections each app instance keeps (node-postgres's pool).
  DATABASE_POOL_SIZE: optional.pipe(
    z.coerce
      .number<string | undefined>({ message: "must be a whole number of connections" })
      .int("must be a whole number of connections")
      .min(1, "must be at least 1")
      .max(500, "must be at most 500")
      .default(10),
  ),
  // How many proxies in front of the app append to X-Forwarded-For (README: "Client IP").
  TRUSTED_PROXY_HOPS: optional.pipe(
    z.coerce
      .number<string | undefined>({ message: "must be a whole number of proxies" })
      .int("must be a whole number of proxies")
      .min(1, "must be at least 1 (Next.js itself fills X-Forwarded-For when no proxy did)")
      .max(10, "must be at most 10")
      .default(1),
  ),
  // A header that a proxy you trust sets to the client's address, replacing any the client sent
  // (cf-connecting-ip, fly-client-ip, x-real-ip). Unset: X-Forwarded-For and TRUSTED_PROXY_HOPS.
  CLIENT_IP_HEADER: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, "must be a header name such as cf-connecting-ip")
      .transform((v) => v.toLowerCase())
      .optional(),
  ),
  PWNED_PASSWORDS: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("off"),
  PWNED_PASSWORDS_API_URL: httpUrl("must be a full http(s) URL"),
  // "on": admins may open support access, seeing the app as a user for up to an hour
  // (src/server/admin/support-access.ts). Off unless asked for.
  ADMIN_IMPERSONATION: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("off"),
  // "on": print every SQL statement the app runs, with its duration (a development aid).
  LOG_SQL: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("off"),
  REDIS_URL: optional.pipe(z.url({ message: "must be a URL such as redis://localhost:6379" }).optional()),
  // Encrypts two-factor secrets: base64 keys of 32 bytes, comma-separated, the newest first (older
  // ones only decrypt, for rotation). Unset: a key derived from AUTH_SECRET.
  ENCRYPTION_KEY: optional.pipe(
    z
      .string()
      .transform((v) => v.split(",").map((k) => k.trim()))
      .refine((keys) => keys.every((k) => Buffer.from(k, "base64").length === 32), {
        message: "must be one or more comma-separated base64 keys of 32 bytes (`openssl rand -base64 32`)",
      })
      .optional(),
  ),
  // The Bearer token a scheduler sends to /api/cron/cleanup (Vercel Cron sends CRON_SECRET this
  // way). Unset: that route answers 404. Generate one with `openssl rand -base64 32`.
  CRON_SECRET: optional.pipe(
    z.string().min(32, "must be at least 32 characters (`openssl rand -base64 32`)").optional(),
  ),
  // Who may be handed a short-lived service token (POST /api/token): the `aud` values of the other
  // services that verify them, comma-separated ("orders-api,worker"). Unset: /api/token answers 404.
  SERVICE_TOKEN_AUDIENCES: optional.pipe(
    z
      .string()
      .transform((v) => [...new Set(v.split(",").map((a) => a.trim()))].filter(Boolean))
      .refine((list) => list.length > 0 && list.every((a) => /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/.test(a)), {
        message: 'must be comma-separated audience names such as "orders-api,worker" (letters, digits, . _ : / -)',
      })
      .optional(),
  ),
  // Profile claims a service token carries besides the user's id: "email", "name" or both. Unset: none.
  SERVICE_TOKEN_CLAIMS: optional.pipe(
    z
      .string()
      .transform((v) => v.split(",").map((c) => c.trim()))
      .pipe(z.array(z.enum(["email", "name"], { message: 'must be "email", "name" or "email,name"' })))
      .optional(),
  ),
  // "on": service tokens also carry Hasura's claims namespace (x-hasura-user-id, roles, org).
  SERVICE_TOKEN_HASURA: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("off"),
  OUTBOX_DIR: optional,
  PORT: optional.pipe(
    z.coerce
      .number<string | undefined>({ message: "must be a port number" })
      .int("must be a port number")
      .min(1, "must be a port number from 1 to 65535")
      .max(65535, "must be a port number from 1 to 65535")
      .optional(),
  ),
});

type RawEnv = z.infer<typeof schema>;

/** What must be set in production, and how to fix it when it is not. */
const requiredInProduction: Partial<Record<keyof RawEnv, string>> = {
  AUTH_SECRET: "Generate one with `npx auth secret` or `openssl rand -base64 32`.",
  AUTH_URL: "Set it to the public URL of the app, e.g. https://app.example.com.",
  AUTH_RESEND_KEY: "Create an API key at resend.com (Settings → API keys); mail cannot be sent without it.",
  EMAIL_FROM: `Set the sender, e.g. "${site.name} <login@your-domain.com>", on a domain verified with Resend.`,
};

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Set, but not safe to run a public server with. */
function productionGuardRails(d: RawEnv): string[] {
  const problems: string[] = [];
  if (d.AUTH_SECRET && d.AUTH_SECRET.length < 32) {
    problems.push("AUTH_SECRET: must be at least 32 characters in production. Generate one with `npx auth secret`.");
  }
  if (d.AUTH_URL && new URL(d.AUTH_URL).protocol !== "https:" && !LOCAL_HOSTS.has(new URL(d.AUTH_URL).hostname)) {
    problems.push("AUTH_URL: must be https in production (session cookies would travel in clear text).");
  }
  return problems;
}

export class EnvError extends Error {
  override name = "EnvError";
}

export interface Env extends Omit<RawEnv, "PWNED_PASSWORDS_API_URL"> {
  PWNED_PASSWORDS_API_URL: string;
  /** Origin used for every link we email; never taken from request headers. */
  appUrl: string;
  /** The app is served over https: cookies get `Secure` (and the session cookie the `__Host-` prefix). */
  secureCookies: boolean;
  /** AUTH_SECRET, for keying hashes of emailed codes. Throws if it is missing (never an empty key). */
  readonly authSecret: string;
  emailFrom: string;
  github: { clientId: string; clientSecret: string; enterpriseUrl?: string } | null;
  /** Mail goes to the local outbox instead of Resend (development and tests without a key). */
  useOutbox: boolean;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const isBuild = source.NEXT_PHASE === "phase-production-build";
  const result = schema.safeParse(source);
  const problems: string[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push(`${issue.path.join(".")}: ${issue.message}`);
    }
  } else if (result.data.NODE_ENV === "production" && !isBuild) {
    for (const [name, fix] of Object.entries(requiredInProduction)) {
      if (!result.data[name as keyof RawEnv]) problems.push(`${name}: required in production. ${fix}`);
    }
    problems.push(...productionGuardRails(result.data));
  }
  if (result.success) {
    const d = result.data;
    if (Boolean(d.AUTH_GITHUB_ID) !== Boolean(d.AUTH_GITHUB_SECRET)) {
      problems.push("AUTH_GITHUB_ID / AUTH_GITHUB_SECRET: set both to turn on GitHub sign-in, or neither to hide it.");
    }
  }
  if (problems.length > 0 || !result.success) {
    throw new EnvError(
      `Invalid environment variables (see .env.example):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }

  const d = result.data;
  const appUrl = new URL(d.AUTH_URL ?? `http://localhost:${d.PORT ?? 3000}`).origin;
  return {
    ...d,
    appUrl,
    secureCookies: appUrl.startsWith("https:"),
    get authSecret(): string {
      if (!d.AUTH_SECRET) throw new EnvError("AUTH_SECRET is not set. `npm run dev` writes one to .env.local.");
      return d.AUTH_SECRET;
    },
    emailFrom: d.EMAIL_FROM ?? `${site.name} <login@${site.slug}.localhost>`,
    github:
      d.AUTH_GITHUB_ID && d.AUTH_GITHUB_SECRET
        ? {
            clientId: d.AUTH_GITHUB_ID,
            clientSecret: d.AUTH_GITHUB_SECRET,
            enterpriseUrl: d.AUTH_GITHUB_ENTERPRISE_URL,
          }
        : null,
    useOutbox: !d.AUTH_RESEND_KEY && d.NODE_ENV !== "production",
    PWNED_PASSWORDS_API_URL: d.PWNED_PASSWORDS_API_URL ?? "https://api.pwnedpasswords.com",
  };
}

export const env = parseEnv(process.env);
