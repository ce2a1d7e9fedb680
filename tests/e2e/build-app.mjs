// `npm run build:e2e`: the build that the e2e and two-instance suites start. `npm test` makes it
// while Vitest runs, then runs the suites with REUSE_BUILD=1.
import { buildApp, E2E_DIST_DIR } from "./prepare-app.mjs";

process.env.NEXT_DIST_DIR = E2E_DIST_DIR;
buildApp({ reuse: false });
