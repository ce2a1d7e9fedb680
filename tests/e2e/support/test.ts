import { test as base } from "@playwright/test";
import { randomInt } from "node:crypto";

/**
 * Each test is a different visitor: its own client IP (as a proxy would report it), so per-IP
 * rate limits count each test separately, as they would count real people. A test about rate
 * limits can still set one fixed address itself.
 */
export const test = base.extend({
  context: async ({ context }, provide) => {
    const ip = `10.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;
    await context.setExtraHTTPHeaders({ "x-forwarded-for": ip });
    await provide(context);
  },
});

export { expect } from "@playwright/test";
