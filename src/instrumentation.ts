// Runs once when the server starts. The Node.js-only work lives in its own module so that the
// edge build of this file (Next compiles it for both runtimes) never pulls in database code.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
  }
}
