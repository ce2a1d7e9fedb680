import { expect, test } from "./support/test";

/** The standalone server's health check, as a load balancer (or the Dockerfile's HEALTHCHECK) calls it. */
test("/api/health answers 200 {status: ok}, uncached, and ignores any session cookie", async ({ request }) => {
  const response = await request.get("/api/health", {
    headers: { cookie: "authjs.session-token=not-a-session" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(response.headers()["cache-control"]).toBe("no-store");
  // Middleware read no session: an unknown session cookie is not even cleared.
  expect(response.headers()["set-cookie"]).toBeUndefined();
});
