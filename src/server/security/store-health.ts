import "server-only";

/**
 * Whether the limiter's store answers, so an outage is logged once when it starts and once when it
 * ends: a Redis that is down for a minute under load would otherwise write thousands of lines.
 */
export function storeHealth(storeName: string) {
  let down = false;
  return {
    failed(error: unknown): void {
      if (down) return;
      down = true;
      const reason = error instanceof Error ? error.message : String(error);
      console.error(
        `[rate-limit] ${storeName} can't be reached (${reason}): refusing password checks, codes and emails until it answers again.`,
      );
    },
    succeeded(): void {
      if (!down) return;
      down = false;
      console.warn(`[rate-limit] ${storeName} answers again: limits are counted as usual.`);
    },
  };
}
