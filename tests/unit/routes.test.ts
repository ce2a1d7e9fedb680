import { describe, expect, it } from "vitest";
import { classifyRoute } from "@/lib/routes";

describe("route map (default deny)", () => {
  it.each([
    ["/", "public"],
    ["/verify-request", "public"],
    ["/verify-email", "public"],
    ["/forgot-password", "public"],
    ["/reset-password", "public"],
    ["/auth-error", "public"],
    ["/api/auth/session", "public"],
    ["/dev/outbox", "public"],
    ["/dev/outbox/123", "public"],
    ["/sign-in", "auth"],
    ["/sign-up", "auth"],
    ["/dashboard", "protected-page"],
    ["/account", "protected-page"],
    ["/anything-unlisted", "protected-page"],
    ["/sign-in-evil", "protected-page"],
    ["/dev/outboxes", "protected-page"],
    ["/api/protected/me", "protected-api"],
    ["/api/other", "protected-api"],
    ["/api/authx", "protected-api"],
  ] as const)("%s is %s", (path, kind) => {
    expect(classifyRoute(path)).toBe(kind);
  });
});
