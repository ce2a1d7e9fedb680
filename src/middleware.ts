// Next.js only looks for middleware beside the app directory (src/). The logic lives in the
// top-level middleware.ts; this file hands it to Next. `config` must be written out here because
// Next reads it statically; tests/unit/middleware-config.test.ts keeps it equal to the top-level one.
export { default } from "../middleware";

export const config = {
  runtime: "nodejs",
  matcher: ["/((?!api/auth/|_next/static/|_next/image(?:/|$)|favicon\\.ico$|icon\\.svg$).*)"],
};
