// Server start-up on Node.js (see src/instrumentation.ts).

// Validate the environment first, so a missing production variable stops the server with a
// message naming it, instead of failing the first request.
try {
  await import("./server/env");
} catch (error) {
  if (process.env.NODE_ENV !== "production") throw error;
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const { prepareDatabase } = await import("./server/db");
await prepareDatabase();
const { scheduleCleanup } = await import("./server/cleanup");
scheduleCleanup();

export {};
