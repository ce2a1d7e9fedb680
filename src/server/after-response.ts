import "server-only";
import { after } from "next/server";

/**
 * Work the visitor must not wait for: what a flow does only for an existing account (a lookup's
 * follow-up, a token, a security-log row, an email), so that its answer takes as long as the
 * answer for an address without one. Inside a request (a page, route handler or server action) the
 * task runs once the response is on its way and the promise resolves at once. Outside a request (a
 * script, a test calling a handler in-process) there is no response to wait for: the task runs now
 * and the promise is the task. A failing task is logged with `failure`, never thrown at the visitor.
 */
export function afterResponse(task: () => Promise<unknown>, failure: string): Promise<void> {
  const run = async () => {
    try {
      await task();
    } catch (error) {
      console.error(failure, error);
    }
  };
  try {
    after(run);
  } catch (error) {
    if (!(error instanceof Error && /outside a request scope/.test(error.message))) throw error;
    return run();
  }
  return Promise.resolve();
}
