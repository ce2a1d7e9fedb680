import { DEV_URL } from "./env";
import { expect, test } from "./support/test";

test.use({ baseURL: DEV_URL });
// The dev server compiles each page on first visit.
test.setTimeout(180_000);

test("with zero configuration (npm run dev), a magic link arrives in /dev/outbox and signs in", async ({ page }) => {
  const email = `zero-config-${Date.now()}@example.com`;
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Continue with GitHub" })).toHaveCount(0);
  const form = page.getByRole("form", { name: "Sign in with an email link" });
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/verify-request/, { timeout: 60_000 });

  await page.getByRole("link", { name: "Open the local outbox" }).click();
  await page.getByRole("link", { name: new RegExp(`Your Gatehouse sign-in link.*${email}`) }).click();
  await page.getByRole("region", { name: "Links in this message" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sign-in\/confirm/);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/dashboard", { timeout: 60_000 });
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
});
