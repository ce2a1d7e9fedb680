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

// A database that is down at start-up (or not up yet) must not keep the server down once it
// returns: say so once and serve; /api/health answers 503 until it is reachable.
// A SQLite file that can't run in WAL mode: in production the server refuses to start; in
// development it says so on every start, loudly, and serves.
const { JournalModeError, prepareDatabase } = await import("./server/db");
const { isDatabaseUnavailable } = await import("./server/database/health");
try {
  await prepareDatabase();
} catch (error) {
  if (error instanceof JournalModeError) {
    console.error(`\n[db] ${error.message}\n`);
    if (process.env.NODE_ENV === "production") process.exit(1);
  } else if (isDatabaseUnavailable(error)) {
    console.error(`[db] the database is unavailable at start-up; serving anyway: ${String(error)}`);
  } else {
    throw error;
  }
}
const { scheduleCleanup } = await import("./server/cleanup");
scheduleCleanup();

export {};
