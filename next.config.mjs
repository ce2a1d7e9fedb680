/** @type {import("next").NextConfig} */
const nextConfig = {
  // libsql ships native bindings and non-JS files; bundling it breaks the build.
  // rate-limiter-flexible optionally requires stores we do not use; bundling it warns.
  serverExternalPackages: [
    "@libsql/client",
    "libsql",
    "@prisma/adapter-libsql",
    "@node-rs/argon2",
    "rate-limiter-flexible",
    "ioredis",
  ],
  poweredByHeader: false,
  // `<distDir>/standalone`: server.js plus only the node_modules it needs (scripts/start.mjs runs
  // it; the Dockerfile copies it). Traced from this folder, not from a parent with its own lockfile.
  output: "standalone",
  outputFileTracingRoot: import.meta.dirname,
  // Prisma's query compiler loads its .wasm by a computed path the tracer can't follow
  // (without it every query fails). Both the npm and the pnpm layout.
  outputFileTracingIncludes: {
    "**": [
      "./node_modules/.prisma/client/query_compiler_bg.wasm",
      "./node_modules/.pnpm/@prisma+client@*/node_modules/.prisma/client/query_compiler_bg.wasm",
    ],
  },
  // Next's server loads TypeScript only to compile a next.config.ts, which this project doesn't have:
  // the standalone output leaves it out (9 MB), and tracing it cost the build seconds.
  outputFileTracingExcludes: { "**": ["node_modules/typescript/**"] },
  // The e2e suite builds into its own folder so it never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // `npm test` type-checks before the e2e suite builds; its build skips the second check.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
};

export default nextConfig;
