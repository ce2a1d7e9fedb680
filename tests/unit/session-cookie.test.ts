import { afterEach, describe, expect, it, vi } from "vitest";

/** The session cookie's name follows the app URL, read once when the server starts. */
async function cookieNameFor(appUrl: string | undefined) {
  vi.resetModules();
  if (appUrl) vi.stubEnv("AUTH_URL", appUrl);
  const { sessionCookieName } = await import("@/server/sessions/cookie");
  return sessionCookieName();
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("the session cookie's name", () => {
  it("on https: __Host- prefixed, so the browser keeps it Secure, site-wide and to this host only (ASVS 3.4.4)", async () => {
    expect(await cookieNameFor("https://app.example.com")).toBe("__Host-authjs.session-token");
  });

  it("on http (local development): the plain name, which browsers accept without TLS", async () => {
    expect(await cookieNameFor(undefined)).toBe("authjs.session-token");
  });
});
