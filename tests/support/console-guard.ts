import { afterEach, beforeEach, expect, vi } from "vitest";

/**
 * Every unit and integration test fails on a console.error it did not expect: an error logged
 * and swallowed is a bug that a green run would otherwise hide. A test that provokes one on
 * purpose (a mail API that refuses, say) names it with allowConsoleError first.
 */
let allowed: RegExp[] = [];
let unexpected: string[] = [];

export function allowConsoleError(pattern: RegExp): void {
  allowed.push(pattern);
}

beforeEach(() => {
  allowed = [];
  unexpected = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const text = args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(" ");
    if (!allowed.some((pattern) => pattern.test(text))) unexpected.push(text);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  expect(unexpected, "console.error calls this test did not expect").toEqual([]);
});
