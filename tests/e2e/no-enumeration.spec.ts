import type { Browser, Page } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { STRONG_PASSWORD, uniqueEmail } from "./support/flows";
import { expect, test } from "./support/test";
import { randomIp } from "../support/random";

/**
 * With JavaScript off (plain form posts), every public form must answer an existing and an
 * unknown address with the same page: same URL, same words (but for the address itself).
 */
async function answerFor(
  browser: Browser,
  path: string,
  fill: (page: Page, email: string) => Promise<void>,
  email: string,
) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const page = await context.newPage();
  await page.goto(path);
  await fill(page, email);
  await page.waitForLoadState("load");
  const answer = { url: page.url(), text: (await page.locator("main").innerText()).replaceAll(email, "<email>") };
  await context.close();
  return answer;
}

test.describe("no user enumeration", () => {
  let existing: string;

  test.beforeAll(async () => {
    existing = (await createAccount()).email;
  });

  const forms: Array<[string, string, (page: Page, email: string) => Promise<void>]> = [
    [
      "sign-up",
      "/sign-up",
      async (page, email) => {
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(STRONG_PASSWORD);
        await page.getByRole("button", { name: "Create account" }).click();
      },
    ],
    [
      "forgot password",
      "/forgot-password",
      async (page, email) => {
        await page.getByLabel("Email").fill(email);
        await page.getByRole("button", { name: "Send reset link" }).click();
      },
    ],
    [
      "magic link",
      "/sign-in",
      async (page, email) => {
        const form = page.getByRole("form", { name: "Sign in with an email link" });
        await form.getByLabel("Email").fill(email);
        await form.getByRole("button", { name: "Email me a sign-in link" }).click();
      },
    ],
    [
      "password sign-in with a wrong password",
      "/sign-in",
      async (page, email) => {
        const form = page.getByRole("form", { name: "Sign in with a password" });
        await form.getByLabel("Email").fill(email);
        await form.getByLabel("Password").fill("definitely-not-the-password");
        await form.getByRole("button", { name: "Sign in with password" }).click();
      },
    ],
    [
      "resend verification",
      "/verify-email",
      async (page, email) => {
        await page.getByText("Didn't get the email?").click();
        const form = page.getByRole("form", { name: "Resend the confirmation email" });
        await form.getByLabel("Email").fill(email);
        await form.getByRole("button", { name: "Send a new link and code" }).click();
      },
    ],
  ];

  for (const [name, path, fill] of forms) {
    test(`${name}: the same answer for an existing and an unknown address`, async ({ browser }) => {
      const known = await answerFor(browser, path, fill, existing);
      const unknown = await answerFor(browser, path, fill, uniqueEmail("nobody"));
      expect(unknown).toEqual(known);
      expect(known.text).not.toMatch(/already (exists|registered)|no account/i);
    });
  }
});
