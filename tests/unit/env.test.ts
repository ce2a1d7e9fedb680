import { readFileSync } from "node:fs";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/server/env";

const production = {
  NODE_ENV: "production",
  AUTH_SECRET: "s".repeat(32),
  AUTH_URL: "https://app.example.com/",
  AUTH_RESEND_KEY: "re_live",
  EMAIL_FROM: "Acme <login@acme.example>",
};

function messageFor(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

describe("environment validation", () => {
  it("needs nothing in development", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.useOutbox).toBe(true);
    expect(env.github).toBeNull();
    expect(env.MAGIC_LINK_MAX_AGE_MINUTES).toBe(15);
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.db");
    expect(parseEnv({ NODE_ENV: "development", PORT: "4000" }).appUrl).toBe("http://localhost:4000");
  });

  it("in production, names every missing variable and how to fix it", () => {
    const message = messageFor({ NODE_ENV: "production" });
    for (const name of ["AUTH_SECRET", "AUTH_URL", "AUTH_RESEND_KEY", "EMAIL_FROM"]) {
      expect(message).toContain(`${name}: required in production.`);
    }
    expect(message).toContain("openssl rand -base64 32");
  });

  it("does not demand production secrets while `next build` runs", () => {
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("explains malformed values", () => {
    expect(messageFor({ AUTH_URL: "not a url" })).toContain("AUTH_URL: must be a full URL");
    expect(messageFor({ MAGIC_LINK_MAX_AGE_MINUTES: "abc" })).toContain("MAGIC_LINK_MAX_AGE_MINUTES");
    expect(messageFor({ MAGIC_LINK_MAX_AGE_MINUTES: "0" })).toContain("MAGIC_LINK_MAX_AGE_MINUTES: must be at least 1");
    expect(messageFor({ PWNED_PASSWORDS: "yes" })).toContain('PWNED_PASSWORDS: must be "on" or "off"');
    expect(messageFor({ AUTH_GITHUB_ID: "id-only" })).toContain("AUTH_GITHUB_ID / AUTH_GITHUB_SECRET: set both");
  });

  it(".env.example copied as it is is a valid development configuration", () => {
    const example = parse(readFileSync(".env.example", "utf8"));
    const env = parseEnv({ ...example, NODE_ENV: "development" });
    expect(env.useOutbox).toBe(true);
    expect(env.github).toBeNull();
    expect(env.PWNED_PASSWORDS_API_URL).toBe("https://api.pwnedpasswords.com");
  });

  it("switches GitHub on when both keys exist, and Resend in production", () => {
    const env = parseEnv({
      ...production,
      AUTH_GITHUB_ID: "id",
      AUTH_GITHUB_SECRET: "secret",
      AUTH_GITHUB_ENTERPRISE_URL: "https://github.example.com",
    });
    expect(env.github).toEqual({ clientId: "id", clientSecret: "secret", enterpriseUrl: "https://github.example.com" });
    expect(env.useOutbox).toBe(false);
    expect(env.appUrl).toBe("https://app.example.com");
  });
});
