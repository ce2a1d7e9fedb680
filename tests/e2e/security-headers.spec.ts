import { createAccount } from "./support/accounts";
import { signInWithPassword } from "./support/flows";
import { GITHUB_URL } from "./env";
import { expect, test } from "./support/test";

test("pages carry a per-request nonce CSP and the other security headers", async ({ page, request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const csp = first.headers()["content-security-policy"]!;
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  for (const directive of [
    "'strict-dynamic'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self' ${GITHUB_URL}`,
  ]) {
    expect(csp).toContain(directive);
  }
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(first.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  expect(first.headers()["permissions-policy"]).toContain("camera=()");
  // Next's own scripts carry this request's nonce.
  const html = await first.text();
  expect(html).toContain(`nonce="${nonce}"`);

  // And the page works in the browser with no CSP complaints (checked by the test fixture).
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Gatehouse" })).toBeVisible();
});

test("the session cookie set at sign-in is httpOnly and SameSite=Lax", async ({ page }) => {
  const { email } = await createAccount();
  await page.goto("/sign-in");
  await signInWithPassword(page, email);
  await expect(page).toHaveURL("/dashboard");
  const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});
