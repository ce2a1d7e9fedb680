import { readFileSync } from "node:fs";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/server/env";

/** A complete production configuration; each test changes only what it is about. */
const production = {
  NODE_ENV: "production",
  AUTH_SECRET: "s".repeat(32),
  AUTH_URL: "https://app.example.com/",
  AUTH_RESEND_KEY: "re_live",
  EMAIL_FROM: "Acme <login@acme.example>",
};

/** The EnvError message parseEnv gives for `source` (fails the test if it does not throw one). */
function problemsWith(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error(`expected parseEnv to reject ${JSON.stringify(source)}`);
}

describe("development needs no configuration", () => {
  it("with nothing set: localhost:3000, mail to the outbox, no GitHub, 15-minute links", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.useOutbox).toBe(true);
    expect(env.github).toBeNull();
    expect(env.MAGIC_LINK_MAX_AGE_MINUTES).toBe(15);
  });

  it("the default app URL follows PORT", () => {
    expect(parseEnv({ NODE_ENV: "development", PORT: "4000" }).appUrl).toBe("http://localhost:4000");
  });

  it(".env.example copied as it is is a valid development configuration", () => {
    const example = parse(readFileSync(".env.example", "utf8"));
    const env = parseEnv({ ...example, NODE_ENV: "development" });
    expect(env.useOutbox).toBe(true);
    expect(env.github).toBeNull();
  });
});

describe("production refuses to start half-configured", () => {
  it("names every missing variable, says it is required in production, and how to fix it", () => {
    const message = problemsWith({ NODE_ENV: "production" });
    for (const name of ["AUTH_SECRET", "AUTH_URL", "AUTH_RESEND_KEY", "EMAIL_FROM"]) {
      expect(message).toContain(`${name}: required in production`);
    }
    expect(message).toContain("openssl rand -base64 32");
  });

  it("names only what is missing", () => {
    const { EMAIL_FROM: _omitted, ...rest } = production;
    const message = problemsWith(rest);
    expect(message).toContain("EMAIL_FROM: required in production");
    expect(message).not.toContain("AUTH_SECRET");
  });

  it("does not demand production secrets while `next build` runs", () => {
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("fully configured: mail goes through Resend and links use AUTH_URL's origin", () => {
    const env = parseEnv(production);
    expect(env.useOutbox).toBe(false);
    expect(env.appUrl).toBe("https://app.example.com");
    expect(parseEnv({ ...production, AUTH_URL: "https://app.example.com/api/auth" }).appUrl).toBe(
      "https://app.example.com",
    );
  });
});

describe("malformed values are explained", () => {
  it("AUTH_URL that is not a URL", () => {
    expect(problemsWith({ AUTH_URL: "not a url" })).toContain("AUTH_URL: must be a full http(s) URL");
  });

  it.each(["abc", "0", "1.5", "61", "1440"])(
    "MAGIC_LINK_MAX_AGE_MINUTES=%j (sign-in links live 1 to 60 minutes)",
    (value) => {
      expect(problemsWith({ MAGIC_LINK_MAX_AGE_MINUTES: value })).toContain("MAGIC_LINK_MAX_AGE_MINUTES: must be");
    },
  );

  it("a blank MAGIC_LINK_MAX_AGE_MINUTES means the default, like every other blank variable", () => {
    expect(parseEnv({ MAGIC_LINK_MAX_AGE_MINUTES: "" }).MAGIC_LINK_MAX_AGE_MINUTES).toBe(15);
  });

  it.each(["abc", "99", "2.5", "60001"])("MAIL_SEND_TIMEOUT_MS=%j (100 to 60000 milliseconds)", (value) => {
    expect(problemsWith({ MAIL_SEND_TIMEOUT_MS: value })).toContain("MAIL_SEND_TIMEOUT_MS: must be");
  });

  it("MAIL_SEND_TIMEOUT_MS: 10 seconds when unset or blank, else what is set", () => {
    expect(parseEnv({}).MAIL_SEND_TIMEOUT_MS).toBe(10_000);
    expect(parseEnv({ MAIL_SEND_TIMEOUT_MS: "" }).MAIL_SEND_TIMEOUT_MS).toBe(10_000);
    expect(parseEnv({ MAIL_SEND_TIMEOUT_MS: "2500" }).MAIL_SEND_TIMEOUT_MS).toBe(2500);
  });

  it("DATABASE_URL: SQLite, libsql or PostgreSQL; DATABASE_POOL_SIZE 1 to 500, default 10", () => {
    expect(problemsWith({ DATABASE_URL: "mysql://db/app" })).toContain("DATABASE_URL: must be");
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/app" }).DATABASE_URL).toBe(
      "postgresql://u:p@db:5432/app",
    );
    expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv({ DATABASE_POOL_SIZE: "25" }).DATABASE_POOL_SIZE).toBe(25);
    for (const bad of ["0", "501", "2.5", "many"]) {
      expect(problemsWith({ DATABASE_POOL_SIZE: bad })).toContain("DATABASE_POOL_SIZE: must be");
    }
  });

  it("only one of the two GitHub keys", () => {
    const expected = "AUTH_GITHUB_ID / AUTH_GITHUB_SECRET: set both";
    expect(problemsWith({ AUTH_GITHUB_ID: "id-only" })).toContain(expected);
    expect(problemsWith({ AUTH_GITHUB_SECRET: "secret-only" })).toContain(expected);
  });

  it("PWNED_PASSWORDS other than on/off", () => {
    expect(problemsWith({ PWNED_PASSWORDS: "yes" })).toContain('PWNED_PASSWORDS: must be "on" or "off"');
  });

  // Both end up in `new URL()`: a bad value must be named here, not crash later with a bare
  // "Invalid URL" or turn every emailed link into "null/…".
  it.each(["abc", "99999"])("PORT=%j is named, not a bare 'Invalid URL'", (port) => {
    expect(problemsWith({ PORT: port })).toContain("PORT");
  });

  it.each(["localhost:3000", "ftp://app.example.com"])("AUTH_URL=%j (not http or https) is refused", (url) => {
    expect(problemsWith({ AUTH_URL: url })).toContain("AUTH_URL");
  });
});

describe("production guard rails", () => {
  it("AUTH_SECRET shorter than 32 characters is refused in production (and fine in development)", () => {
    expect(problemsWith({ ...production, AUTH_SECRET: "short-secret" })).toContain(
      "AUTH_SECRET: must be at least 32 characters",
    );
    expect(parseEnv({ NODE_ENV: "development", AUTH_SECRET: "short-secret" }).authSecret).toBe("short-secret");
  });

  it("AUTH_URL must be https in production, unless it is this machine", () => {
    expect(problemsWith({ ...production, AUTH_URL: "http://app.example.com" })).toContain("AUTH_URL: must be https");
    for (const local of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]) {
      expect(parseEnv({ ...production, AUTH_URL: local }).appUrl).toBe(new URL(local).origin);
    }
  });

  it("cookies are Secure exactly when the app URL is https", () => {
    expect(parseEnv(production).secureCookies).toBe(true);
    expect(parseEnv({ NODE_ENV: "development" }).secureCookies).toBe(false);
  });

  it("an AUTH_SECRET that is missing is never used as an empty key", () => {
    expect(() => parseEnv({ NODE_ENV: "development" }).authSecret).toThrow(EnvError);
  });
});

describe("client IP settings", () => {
  it("TRUSTED_PROXY_HOPS defaults to 1 and takes small whole numbers", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(1);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const bad of ["0", "-1", "1.5", "eleven", "11"]) {
      expect(problemsWith({ TRUSTED_PROXY_HOPS: bad })).toContain("TRUSTED_PROXY_HOPS");
    }
  });

  it("CLIENT_IP_HEADER is a header name, kept in lower case", () => {
    expect(parseEnv({ CLIENT_IP_HEADER: "CF-Connecting-IP" }).CLIENT_IP_HEADER).toBe("cf-connecting-ip");
    expect(problemsWith({ CLIENT_IP_HEADER: "x real ip" })).toContain("CLIENT_IP_HEADER");
  });
});

describe("GitHub sign-in switches on when both keys exist", () => {
  it("with an Enterprise URL", () => {
    const env = parseEnv({
      ...production,
      AUTH_GITHUB_ID: "id",
      AUTH_GITHUB_SECRET: "secret",
      AUTH_GITHUB_ENTERPRISE_URL: "https://github.example.com",
    });
    expect(env.github).toEqual({ clientId: "id", clientSecret: "secret", enterpriseUrl: "https://github.example.com" });
  });

  it("without one", () => {
    const env = parseEnv({ NODE_ENV: "development", AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret" });
    expect(env.github).toMatchObject({ clientId: "id", clientSecret: "secret" });
    expect(env.github?.enterpriseUrl).toBeUndefined();
  });
});

describe("service tokens", () => {
  it("audiences are a trimmed, de-duplicated list; unset or blank means off", () => {
    expect(parseEnv({}).SERVICE_TOKEN_AUDIENCES).toBeUndefined();
    expect(parseEnv({ SERVICE_TOKEN_AUDIENCES: "  " }).SERVICE_TOKEN_AUDIENCES).toBeUndefined();
    expect(parseEnv({ SERVICE_TOKEN_AUDIENCES: "orders-api, worker,orders-api" }).SERVICE_TOKEN_AUDIENCES).toEqual([
      "orders-api",
      "worker",
    ]);
    expect(parseEnv({ SERVICE_TOKEN_AUDIENCES: "https://api.example.com/" }).SERVICE_TOKEN_AUDIENCES).toEqual([
      "https://api.example.com/",
    ]);
  });

  it("a malformed audience or claim list is named, with what is allowed", () => {
    expect(problemsWith({ SERVICE_TOKEN_AUDIENCES: "orders api" })).toContain("SERVICE_TOKEN_AUDIENCES");
    expect(problemsWith({ SERVICE_TOKEN_AUDIENCES: "," })).toContain("SERVICE_TOKEN_AUDIENCES");
    expect(problemsWith({ SERVICE_TOKEN_CLAIMS: "email,password" })).toMatch(/SERVICE_TOKEN_CLAIMS.*"email", "name"/);
    expect(parseEnv({ SERVICE_TOKEN_CLAIMS: "email, name" }).SERVICE_TOKEN_CLAIMS).toEqual(["email", "name"]);
    expect(problemsWith({ SERVICE_TOKEN_HASURA: "yes" })).toContain("SERVICE_TOKEN_HASURA");
  });
});
