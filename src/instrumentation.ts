// Runs once when the server starts: validate the environment now, so a missing production
// variable stops the server with a message naming it, instead of failing the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("./server/env");
  } catch (error) {
    if (process.env.NODE_ENV !== "production") throw error;
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
