// Starts the app for the e2e suite as it runs in production: a fresh SQLite file with the
// committed migrations applied, `next build`, then `next start`. Playwright passes the env.
import { buildApp, prepareDatabase, startApp } from "./prepare-app.mjs";

prepareDatabase();
buildApp();
startApp(process.env.PORT);
