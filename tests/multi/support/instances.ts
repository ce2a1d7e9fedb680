import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import { randomIp } from "../../support/random";
import { latestEmailTo, linkIn } from "../../e2e/support/mail";
import { requestMagicLink } from "../../e2e/support/flows";
import { APP_URL } from "../env";

export { uniqueEmail } from "../../support/random";
export { expect };

/** Which instance answered a response (tests/fakes/round-robin.ts). */
export const servedBy = (response: { headers(): Record<string, string> }) => Number(response.headers()["x-served-by"]);

/**
 * Every test is its own visitor (its own address, as the proxy reports it). `through(context, n)`
 * sends that browser's requests to instance n until it is called again; `null` goes back to
 * round-robin.
 */
export const test = base.extend<{
  ip: string;
  through: (context: BrowserContext, instance: number | null) => Promise<void>;
}>({
  ip: async ({}, provide) => provide(randomIp()),
  through: async ({ ip }, provide) =>
    provide(async (context, instance) => {
      await context.setExtraHTTPHeaders({
        "x-forwarded-for": ip,
        ...(instance === null ? {} : { "x-upstream": String(instance) }),
      });
    }),
  context: async ({ context, ip }, provide) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": ip });
    await provide(context);
  },
});

/** The first POST's response after `action`: a form's submission. */
export async function submission(page: Page, action: () => Promise<void>) {
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await action();
  return response;
}

/** Asks for a sign-in link on /sign-in, and returns the link from the email. */
export async function askForSignInLink(page: Page, email: string) {
  await page.goto("/sign-in");
  const asked = await submission(page, () => requestMagicLink(page, email));
  await expect(page).toHaveURL(/\/verify-request/);
  return { asked, link: linkIn(await latestEmailTo(email), APP_URL) };
}

/** Opens a sign-in link and presses "Sign in"; returns the response to that press. */
export async function followSignInLink(page: Page, link: string) {
  await page.goto(link);
  const signedIn = await submission(page, () => page.getByRole("button", { name: "Sign in" }).click());
  await expect(page).toHaveURL("/dashboard");
  return signedIn;
}
