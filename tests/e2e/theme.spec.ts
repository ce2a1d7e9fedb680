import { expect, test } from "./support/test";

const background = (page: import("@playwright/test").Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test("with no choice made the theme follows the system, and follows it when it changes", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  const dark = await background(page);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  expect(await background(page)).not.toBe(dark);
  await expect(page.getByRole("button", { name: "System theme" })).toHaveAttribute("aria-pressed", "true");
});

test("the toggle's choice applies at once, outlasts a reload and beats the system's", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL("/sign-in");

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);

  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("button", { name: "Light theme" }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.getByRole("button", { name: "System theme" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("gatehouse.theme");
});

test("without JavaScript the toggle still works, and a chosen theme is in the HTML itself", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: "light" });
  const page = await context.newPage();
  await page.goto("/");
  const light = await background(page);
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await background(page)).not.toBe(light);
  await context.close();
});

test("the theme is set before first paint: the head's script runs first, under the page's CSP nonce", async ({
  request,
}) => {
  const response = await request.get("/");
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const script = /<script nonce="([^"]+)">{const applyTheme=/.exec(html);
  expect(script?.[1]).toBe(nonce);
  // Before the body, and before any stylesheet can paint it.
  expect(script!.index).toBeLessThan(html.indexOf("<body"));
});
