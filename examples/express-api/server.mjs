// @ts-check
/**
 * A service of your own that trusts Gatehouse's service tokens: the five-minute RS256 JWTs a
 * signed-in page gets from POST /api/token, checked against the public keys at
 * /.well-known/jwks.json. No database, no shared secret, no call to Gatehouse per request (the key
 * set is fetched once and cached; an unknown `kid`, after a rotation, fetches it again).
 *
 *   GATEHOUSE_URL=http://localhost:3000 SERVICE_AUDIENCE=orders-api PORT=4000 node examples/express-api/server.mjs
 *
 * README.md next to this file: how to try it, and why the issuer, audience and algorithm are pinned.
 */
import express from "express";
import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import { pathToFileURL } from "node:url";

/**
 * What a Gatehouse service token says (src/server/service-tokens/issue.ts): `sub` is the user's
 * id, `sid` the id of the session that asked for it, and `org` is there when the page asked for
 * one of the user's organizations.
 * @typedef {{ id: string, slug: string, role: "owner" | "admin" | "member" }} TokenOrg
 * @typedef {import("jose").JWTPayload & { sid?: string, org?: TokenOrg }} ServiceTokenClaims
 */

/**
 * Token problems: the token is refused (401). Anything else (the key set can't be fetched, or
 * isn't one) is this service's trouble, not the caller's: 503.
 */
const TOKEN_PROBLEMS = new Set([
  errors.JWTClaimValidationFailed.code,
  errors.JWTExpired.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWSInvalid.code,
  errors.JWTInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
]);

/**
 * Why a token was refused, as a short code for your logs (never sent to the caller):
 * "ERR_JWT_EXPIRED", "ERR_JWT_CLAIM_VALIDATION_FAILED:aud", "no_token"…
 * @param {unknown} error
 */
function reasonFor(error) {
  if (error instanceof errors.JWTClaimValidationFailed) return `${error.code}:${error.claim}`;
  if (error instanceof errors.JOSEError) return error.code;
  return error instanceof Error ? error.name : "unknown";
}

/**
 * The token in `Authorization: Bearer <token>`, or null (no header, another scheme, two tokens).
 * @param {string | undefined} header
 */
function bearerToken(header) {
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/i.exec(header ?? "");
  return match ? (match[1] ?? null) : null;
}

/**
 * @param {{
 *   issuer: string,
 *   audience: string,
 *   onRejected?: (reason: string) => void,
 * }} options `issuer`: Gatehouse's origin (its AUTH_URL), exactly as it appears in the tokens'
 *   `iss`. `audience`: this service's name in Gatehouse's SERVICE_TOKEN_AUDIENCES.
 *   `onRejected`: told why each refused token was refused (default: a line on stderr).
 * @returns {import("express").Express}
 */
export function createApp({ issuer, audience, onRejected = (reason) => console.warn(`token refused: ${reason}`) }) {
  // The keys come from the issuer we trust, never from the token (no `jku`, no embedded `jwk`).
  const jwks = createRemoteJWKSet(new URL("/.well-known/jwks.json", issuer));

  /**
   * The verified claims, or why not.
   * @param {string | null} token
   * @returns {Promise<{ ok: true, claims: ServiceTokenClaims } | { ok: false, status: 401 | 503, reason: string }>}
   */
  async function verify(token) {
    if (!token) return { ok: false, status: 401, reason: "no_token" };
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer,
        audience,
        // The one algorithm Gatehouse signs with: a token naming another ("none", or HS256 with our
        // public key as its "secret") is refused before any key is looked at.
        algorithms: ["RS256"],
        // A token without these is not one of Gatehouse's.
        requiredClaims: ["sub", "exp", "iat"],
        // Gatehouse's clock and ours may differ by a few seconds (its tokens are valid from `nbf`).
        clockTolerance: 5,
      });
      return { ok: true, claims: /** @type {ServiceTokenClaims} */ (payload) };
    } catch (error) {
      const reason = reasonFor(error);
      const tokenProblem = error instanceof errors.JOSEError && TOKEN_PROBLEMS.has(error.code);
      return { ok: false, status: tokenProblem ? 401 : 503, reason };
    }
  }

  const app = express();
  app.disable("x-powered-by");

  app.get("/whoami", async (req, res) => {
    const result = await verify(bearerToken(req.get("authorization")));
    res.set("Cache-Control", "no-store");
    if (!result.ok) {
      onRejected(result.reason);
      if (result.status === 503) {
        res.status(503).json({ error: "temporarily_unavailable" });
        return;
      }
      res.set("WWW-Authenticate", 'Bearer error="invalid_token"');
      res.status(401).json({ error: "invalid_token" });
      return;
    }
    const { sub, sid, org } = result.claims;
    res.json({ userId: sub, sessionId: sid ?? null, org: org ?? null });
  });

  return app;
}

// Run directly (not imported): listen on PORT.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const issuer = process.env.GATEHOUSE_URL ?? "http://localhost:3000";
  const audience = process.env.SERVICE_AUDIENCE ?? "orders-api";
  const port = Number(process.env.PORT ?? 4000);
  createApp({ issuer, audience }).listen(port, () => {
    console.log(`Verifying ${audience} tokens from ${issuer} on http://localhost:${port}/whoami`);
  });
}
