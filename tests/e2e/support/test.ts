import { expect, test as base } from "@playwright/test";
import { randomIp } from "../../support/random";
import { APP_URL } from "../env";
import { createAccount, createSessionToken, type TestAccount } from "./accounts";

type Login = (options?: Parameters<typeof createAccount>[0]) => Promise<TestAccount>;

/**
 * Every e2e test:
 * - is a different visitor, with its own client IP (as a proxy would report it), so per-IP rate
 *   limits count each test separately, as they would count real people;
 * - fails if the browser reports a Content-Security-Policy violation on any page it opened;
 * - can start signed in with `login()`: the account and its session are written to the database
 *   and the cookie set, so a test that is not about signing in doesn't spend its time doing it.
 */
export const test = base.extend<{ login: Login }>({
  context: async ({ context }, provide) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": randomIp() });
    await provide(context);
  },
  page: async ({ page }, provide) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) {
        violations.push(`${page.url()}: ${message.text()}`);
      }
    });
    await provide(page);
    expect(violations, "Content-Security-Policy violations in the browser console").toEqual([]);
  },
  login: async ({ context }, provide) => {
    await provide(async (options) => {
      const account = await createAccount(options);
      const token = await createSessionToken(account.id);
      await context.addCookies([{ name: "authjs.session-token", value: token, url: APP_URL }]);
      return account;
    });
  },
});

export { expect };
