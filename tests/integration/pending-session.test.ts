import { NextRequest, type NextFetchEvent } from "next/server";
import { describe, expect, it } from "vitest";
import runMiddleware from "../../middleware";
import { createAuthAdapter } from "@/server/auth/adapter";
import { db } from "@/server/db";
import { SESSION_HEADER } from "@/server/sessions/header";
import { createSession } from "@/server/sessions/store";
import { userWithTwoFactor } from "../support/two-factor";
import { createUser } from "../support/users";

const APP = "http://localhost:3000";

function request(path: string, token: string, init: { method?: string } = {}) {
  return new NextRequest(`${APP}${path}`, { ...init, headers: { cookie: `authjs.session-token=${token}` } });
}

// Next hands middleware a fetch event; nothing here waits on it.
const middleware = (req: NextRequest) => runMiddleware(req, {} as NextFetchEvent);

/** What middleware hands the route: the session header it set on the forwarded request. */
function forwardedSession(response: Response): string | null {
  return response.headers.get(`x-middleware-request-${SESSION_HEADER}`);
}

describe("a session waiting for its second factor", () => {
  it("is created pending for an account with two-factor on, and full otherwise", async () => {
    const { user } = await userWithTwoFactor();
    const plain = await createUser();
    const pending = await createSession(user.id, "credentials");
    const full = await createSession(plain.id, "credentials");
    const rows = await db.session.findMany({ where: { userId: { in: [user.id, plain.id] } } });
    expect(rows.find((r) => r.userId === user.id)!.secondFactorPending).toBe(true);
    expect(rows.find((r) => r.userId === plain.id)!.secondFactorPending).toBe(false);
    expect(pending).not.toBe(full);
  });

  it("is never pending after a passkey, which is two factors in one", async () => {
    const { user } = await userWithTwoFactor();
    await createSession(user.id, "passkey");
    const row = await db.session.findFirstOrThrow({ where: { userId: user.id, method: "passkey" } });
    expect(row.secondFactorPending).toBe(false);
  });

  it("opens no page: each one sends it to the two-factor step, and nothing is handed on", async () => {
    const { user } = await userWithTwoFactor();
    const token = await createSession(user.id, "credentials");
    for (const path of ["/dashboard", "/account", "/account/sessions?x=1"]) {
      const response = await middleware(request(path, token));
      expect(response.status, path).toBe(307);
      const location = new URL(response.headers.get("location")!);
      expect(location.pathname, path).toBe("/sign-in/two-factor");
      expect(location.searchParams.get("callbackUrl"), path).toBe(path);
      expect(forwardedSession(response), path).toBeNull();
    }
  });

  it("gets 401 from every API route, server-action POSTs included", async () => {
    const { user } = await userWithTwoFactor();
    const token = await createSession(user.id, "credentials");
    const api = await middleware(request("/api/protected/me", token));
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: "second-factor-required" });
    // A server action posted to a public page: the page runs, but without the session.
    const action = await middleware(request("/", token, { method: "POST" }));
    expect(forwardedSession(action)).toBeNull();
  });

  it("reaches the two-factor page, which gets the session, marked pending", async () => {
    const { user } = await userWithTwoFactor();
    const token = await createSession(user.id, "credentials");
    const response = await middleware(request("/sign-in/two-factor", token));
    expect(response.status).toBe(200);
    const header = forwardedSession(response)!;
    const payload = JSON.parse(Buffer.from(header.split(".")[0]!, "base64url").toString("utf8"));
    expect(payload.session).toMatchObject({ secondFactorPending: true, user: { id: user.id } });
  });

  it("is no session to Auth.js (auth(), /api/auth/session, account linking)", async () => {
    const { user } = await userWithTwoFactor();
    const token = await createSession(user.id, "credentials");
    expect(await createAuthAdapter().getSessionAndUser!(token)).toBeNull();
  });

  it("never reaches the two-factor page once complete, or when signed out", async () => {
    const plain = await createUser();
    const token = await createSession(plain.id, "credentials");
    const full = await middleware(request("/sign-in/two-factor", token));
    expect(new URL(full.headers.get("location")!).pathname).toBe("/dashboard");
    const signedOut = await middleware(new NextRequest(`${APP}/sign-in/two-factor`));
    expect(new URL(signedOut.headers.get("location")!).pathname).toBe("/sign-in");
  });
});
