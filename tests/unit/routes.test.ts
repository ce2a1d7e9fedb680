import { describe, expect, it } from "vitest";
import { classifyRoute } from "@/lib/routes";

describe("which pages need a signed-in user (default deny)", () => {
  it.each([
    "/",
    "/verify-request",
    "/auth-error",
    "/verify-email",
    "/forgot-password",
    "/reset-password",
    "/sign-in/confirm",
    "/api/auth/session",
    "/api/auth/callback/resend",
    "/dev/outbox",
    "/dev/outbox/123",
  ])("anyone may open %s", (path) => {
    expect(classifyRoute(path)).toBe("public");
  });

  it.each(["/sign-in", "/sign-up"])("%s is a sign-in page (signed-in visitors move on)", (path) => {
    expect(classifyRoute(path)).toBe("auth");
  });

  it.each(["/dashboard", "/account", "/account/sessions", "/anything-unlisted"])(
    "%s needs a signed-in user (sent to sign in otherwise)",
    (path) => {
      expect(classifyRoute(path)).toBe("protected-page");
    },
  );

  it.each(["/api/protected/me", "/api/other", "/api"])("%s is a protected API (401 JSON otherwise)", (path) => {
    expect(classifyRoute(path)).toBe("protected-api");
  });

  it.each([
    ["/sign-in-evil", "protected-page"],
    ["/dev/outboxes", "protected-page"],
    ["/auth-error/x", "protected-page"],
    ["/api/authx", "protected-api"],
  ] as const)("a look-alike of a public path, %s, is not public", (path, kind) => {
    expect(classifyRoute(path)).toBe(kind);
  });
});
