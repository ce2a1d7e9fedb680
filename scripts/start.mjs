// `npm start`: the production server from `next build`'s standalone output, in this process.
//
// Next's standalone server.js runs from `<distDir>/standalone` (it changes into that folder) and
// serves `<distDir>/static` and `public/` only from copies inside it, so before starting this:
// - loads the .env files the way `next start` would (production: .env.production.local,
//   .env.local, .env.production, .env), from the project root;
// - makes a relative SQLite path (`file:./prisma/dev.db`) and OUTBOX_DIR absolute against the
//   project root, where the migrations put the file;
// - copies the static assets and `public/` where server.js looks for them.
// PORT (default 3000) and HOSTNAME (default 0.0.0.0) choose where it listens.
import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");

/** `<distDir>/standalone` and the assets copied into it (the Dockerfile does the same copies). */
export function prepareStandalone(distDir = process.env.NEXT_DIST_DIR || ".next") {
  const standalone = path.join(root, distDir, "standalone");
  if (!existsSync(path.join(standalone, "server.js"))) {
    throw new Error(`${distDir}/standalone/server.js is missing: run \`npm run build\` first.`);
  }
  // Each build makes a fresh standalone folder, so a copy that is there is this build's; a second
  // server of the same build (the e2e suite starts one) leaves the first one's files alone.
  const staticCopy = path.join(standalone, distDir, "static");
  if (!existsSync(staticCopy)) cpSync(path.join(root, distDir, "static"), staticCopy, { recursive: true });
  const publicCopy = path.join(standalone, "public");
  if (existsSync(path.join(root, "public")) && !existsSync(publicCopy)) {
    cpSync(path.join(root, "public"), publicCopy, { recursive: true });
  }
  return path.join(standalone, "server.js");
}

/** Paths the app reads relative to the working directory, made absolute against the project root. */
export function absolutePaths(env) {
  const out = {};
  const url = env.DATABASE_URL ?? "file:./prisma/dev.db";
  if (url.startsWith("file:") && !path.isAbsolute(url.slice("file:".length))) {
    out.DATABASE_URL = `file:${path.resolve(root, url.slice("file:".length))}`;
  }
  if (env.OUTBOX_DIR && !path.isAbsolute(env.OUTBOX_DIR)) out.OUTBOX_DIR = path.resolve(root, env.OUTBOX_DIR);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // @next/env as next itself resolves it (pnpm does not hoist it to the top level).
  const nextRequire = createRequire(createRequire(import.meta.url).resolve("next/package.json"));
  nextRequire("@next/env").loadEnvConfig(root, false, { info: () => {}, error: console.error });
  Object.assign(process.env, absolutePaths(process.env));
  const server = prepareStandalone();
  await import(pathToFileURL(server).href);
}
