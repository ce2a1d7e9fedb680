import "server-only";
import { outageLog } from "../outage-log";

/** Whether the limiter's store answers: its outage is logged once each way (../outage-log.ts). */
export function storeHealth(storeName: string) {
  return outageLog({
    down: (reason) =>
      `[rate-limit] ${storeName} can't be reached (${reason}): refusing password checks, codes and emails until it answers again.`,
    up: `[rate-limit] ${storeName} answers again: limits are counted as usual.`,
  });
}
