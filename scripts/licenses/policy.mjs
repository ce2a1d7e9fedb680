/**
 * Which licenses Gatehouse's production dependencies may carry. `npm run licenses` (part of
 * `npm test`) fails on any production package whose license is not allowed here, so adding a
 * dependency with a copyleft or unknown license is a reviewed decision, not a surprise.
 *
 * Development-only packages (test runners, linters, the email preview) are not shipped with a
 * deployed app and are not checked.
 */

/** Permissive licenses: use, modify and ship in a closed-source SaaS with attribution. */
export const ALLOWED_LICENSES = [
  "MIT",
  "ISC",
  "Apache-2.0",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "0BSD",
  "MIT-0",
  "Unlicense",
  // For data files (dictionaries, lists), never for code.
  "CC-BY-4.0",
];

/**
 * Named exceptions: a package (a `*` matches any run of characters) that may carry a license
 * outside the list, and why that is acceptable. Keep each one explained.
 */
export const EXCEPTIONS = [
  {
    // sharp's prebuilt libvips binary. Next.js pulls sharp in for image optimisation. libvips is
    // LGPL: it is dynamically linked and unmodified, which the LGPL allows in closed-source
    // software; it does not oblige you to publish your own code. The package name carries the
    // platform, hence the pattern: on Linux and macOS libvips comes alone
    // (@img/sharp-libvips-linux-x64, "LGPL-3.0-or-later"); the Windows and WebAssembly builds
    // bundle it with sharp's own binding (@img/sharp-win32-x64, "Apache-2.0 AND LGPL-3.0-or-later").
    // tests/unit/license-gate.test.ts judges every platform's build the lockfile names.
    packages: "@img/sharp-*",
    license: "LGPL-3.0-or-later",
  },
];
