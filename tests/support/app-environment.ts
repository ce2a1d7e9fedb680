import { afterAll, vi } from "vitest";

/**
 * For a test file whose app must read another environment (a mail API, a database that is down).
 * The app's modules read the environment once, when first imported, and test files share their
 * worker's modules (vitest.config.ts): so this sets the variables and drops the modules and the
 * database client the worker holds; after the file it puts both back the way they were. Import the
 * app (`await import(...)`) only after calling it.
 */
export function runAppWith(values: Record<string, string>) {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  const forget = () => {
    vi.resetModules();
    delete (globalThis as { db?: unknown }).db;
  };
  Object.assign(process.env, values);
  forget();
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    forget();
  });
}
