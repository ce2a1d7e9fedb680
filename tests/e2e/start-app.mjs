// Starts the app for the e2e suite as it runs in production: a fresh database (a new SQLite file,
// or the emptied PostgreSQL test database) with the committed migrations applied, `next build`,
// then the standalone server (`npm start`). Playwright passes the env.
import { buildApp, prepareDatabase, startApp } from "./prepare-app.mjs";

await prepareDatabase();
buildApp();
startApp(process.env.PORT);
