import "server-only";

/**
 * Something the app depends on (the database, the limiter's Redis) can go away for a while. Its
 * outage is logged once when it starts and once when it ends: under load, a line per request
 * would be thousands of lines.
 */
export function outageLog(messages: { down: (reason: string) => string; up: string }) {
  let down = false;
  return {
    failed(error: unknown): void {
      if (down) return;
      down = true;
      console.error(messages.down(error instanceof Error ? error.message : String(error)));
    },
    succeeded(): void {
      if (!down) return;
      down = false;
      console.warn(messages.up);
    },
  };
}
