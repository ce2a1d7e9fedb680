import { expect, test as base } from "@playwright/test";
import { randomInt } from "node:crypto";

/**
 * Every e2e test:
 * - is a different visitor, with its own client IP (as a proxy would report it), so per-IP rate
 *   limits count each test separately, as they would count real people;
 * - fails if the browser reports a Content-Security-Policy violation on any page it opened.
 */
export const test = base.extend({
  context: async ({ context }, provide) => {
    const ip = `10.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;
    await context.setExtraHTTPHeaders({ "x-forwarded-for": ip });
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
});

export { expect };
