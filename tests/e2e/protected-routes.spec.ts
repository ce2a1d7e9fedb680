import { createAccount } from "./support/accounts";
import { signInWithPassword } from "./support/flows";
import { expect, test } from "./support/test";

test("a protected page sends a signed-out visitor to sign in, then back", async ({ page }) => {
  const { email } = await createAccount();

  await page.goto("/dashboard?tab=settings");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fdashboard%3Ftab%3Dsettings");
  await signInWithPassword(page, email);
  await expect(page).toHaveURL("/dashboard?tab=settings");
});

test("the protected API answers 401 JSON signed out and the user signed in", async ({ page, request, login }) => {
  const signedOut = await request.get("/api/protected/me", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.json()).toEqual({ error: "unauthenticated" });

  const { email } = await login();
  const signedIn = await page.request.get("/api/protected/me");
  expect(signedIn.status()).toBe(200);
  const body = await signedIn.json();
  expect(body.user.email).toBe(email);
  expect(JSON.stringify(body)).not.toMatch(/sessionToken|passwordHash|argon2/);
});

test("a signed-in user visiting sign-in or sign-up goes to the dashboard", async ({ page, login }) => {
  await login();
  await page.goto("/sign-in");
  await expect(page).toHaveURL("/dashboard");
  await page.goto("/sign-up");
  await expect(page).toHaveURL("/dashboard");
});

test("an off-site callbackUrl is ignored", async ({ page }) => {
  const { email } = await createAccount();
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal");
  await signInWithPassword(page, email);
  await expect(page).toHaveURL("/dashboard");
});

test("paths that only look like static files or Auth.js are protected", async ({ request }) => {
  const api = await request.get("/api/authx", { maxRedirects: 0 });
  expect(api.status()).toBe(401);
  for (const path of ["/dashboard.txt", "/account/x.png"]) {
    const page = await request.get(path, { maxRedirects: 0 });
    expect(page.status(), path).toBe(307);
    expect(page.headers()["location"], path).toContain("/sign-in?callbackUrl=");
  }
  // Auth.js's own endpoints carry the security headers too.
  const session = await request.get("/api/auth/session");
  expect(session.headers()["x-frame-options"]).toBe("DENY");
  expect(session.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("the development outbox does not exist where a mail key is set (this server has one)", async ({ request }) => {
  for (const path of ["/dev/outbox", "/dev/outbox/1700000000000-abcdef12"]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
});

test("a page that doesn't exist says so, in the site's own words", async ({ page, login }) => {
  await login();
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go home" })).toBeVisible();
});
