/**
 * A local stand-in for GitHub (Enterprise Server URL layout). Auth.js's GitHub provider talks to it
 * through AUTH_GITHUB_ENTERPRISE_URL. The authorize page is a small form where the test (or a
 * developer) types which GitHub user to be, and whether GitHub has verified that email.
 *   GET  /login/oauth/authorize      → the form
 *   POST /login/oauth/authorize      → redirect back to the app with ?code&state
 *   POST /login/oauth/access_token   → { access_token }
 *   GET  /api/v3/user, /api/v3/user/emails
 * Usage: PORT=3102 npx tsx tests/fakes/github.ts
 */
import { createHash, randomBytes } from "node:crypto";
import { readForm, sendHtml, sendJson, serve } from "./http";

interface Identity {
  email: string;
  name: string;
  verified: boolean;
}

const codes = new Map<string, Identity>();
const tokens = new Map<string, Identity>();

/** The same email always maps to the same GitHub user id, like a real account. */
function profileOf(identity: Identity) {
  const id = Number.parseInt(createHash("sha256").update(identity.email).digest("hex").slice(0, 8), 16);
  const login = identity.email.split("@")[0]!.replace(/[^a-zA-Z0-9-]/g, "-");
  return { id, login, name: identity.name, email: null, avatar_url: `https://avatars.example/${login}.png` };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function authorizeForm(params: URLSearchParams): string {
  const hidden = ["redirect_uri", "state", "client_id"]
    .map((k) => `<input type="hidden" name="${k}" value="${escape(params.get(k) ?? "")}">`)
    .join("");
  return `<!doctype html><html><head><title>Fake GitHub — authorize</title></head><body>
<h1>Fake GitHub</h1><p>Sign in to continue to the app.</p>
<form method="post" action="/login/oauth/authorize">${hidden}
<label>Email <input name="email" type="email" required></label>
<label>Name <input name="name" value="Octo Cat"></label>
<label><input type="checkbox" name="verified" value="yes" checked> Email verified by GitHub</label>
<button type="submit">Authorize</button></form></body></html>`;
}

function bearer(authorization: string | undefined): Identity | undefined {
  const token = authorization?.replace(/^(Bearer|token)\s+/i, "");
  return token ? tokens.get(token) : undefined;
}

serve("fake-github", Number(process.env.PORT ?? 3102), async (req, res, url) => {
  if (url.pathname === "/login/oauth/authorize" && req.method === "GET") {
    return sendHtml(res, 200, authorizeForm(url.searchParams));
  }
  if (url.pathname === "/login/oauth/authorize" && req.method === "POST") {
    const form = await readForm(req);
    const code = randomBytes(16).toString("hex");
    codes.set(code, { email: form.email ?? "", name: form.name ?? "", verified: form.verified === "yes" });
    const back = new URL(form.redirect_uri ?? "");
    back.searchParams.set("code", code);
    back.searchParams.set("state", form.state ?? "");
    res.writeHead(302, { location: back.toString() });
    return res.end();
  }
  if (url.pathname === "/login/oauth/access_token" && req.method === "POST") {
    const form = await readForm(req);
    const identity = codes.get(form.code ?? "");
    if (!identity) return sendJson(res, 400, { error: "bad_verification_code" });
    codes.delete(form.code!);
    const accessToken = `gho_${randomBytes(16).toString("hex")}`;
    tokens.set(accessToken, identity);
    // No `iss`: Auth.js rejects an issuer it does not expect.
    return sendJson(res, 200, { access_token: accessToken, token_type: "bearer", scope: "read:user,user:email" });
  }
  if (url.pathname === "/api/v3/user" && req.method === "GET") {
    const identity = bearer(req.headers.authorization);
    return identity ? sendJson(res, 200, profileOf(identity)) : sendJson(res, 401, { message: "Bad credentials" });
  }
  if (url.pathname === "/api/v3/user/emails" && req.method === "GET") {
    const identity = bearer(req.headers.authorization);
    if (!identity) return sendJson(res, 401, { message: "Bad credentials" });
    return sendJson(res, 200, [
      { email: identity.email, primary: true, verified: identity.verified, visibility: "private" },
    ]);
  }
  if (url.pathname === "/health") return sendJson(res, 200, { ok: true });
  return sendJson(res, 404, { message: "Not Found" });
});
