import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkPackages, checkSbom, licenseSatisfies, packagesFromPnpm } from "../../scripts/licenses/check.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const AGPL_FIXTURE = path.join(root, "tests/fixtures/sbom-with-agpl.spdx.json");

const permissive = (id: string) => ["MIT", "ISC", "Apache-2.0"].includes(id);

describe("SPDX license expressions", () => {
  it.each([
    ["MIT", true],
    ["AGPL-3.0-or-later", false],
    ["(MIT OR AGPL-3.0-or-later)", true],
    ["MIT AND AGPL-3.0-or-later", false],
    ["(MIT AND ISC) OR GPL-2.0-only", true],
    ["Apache-2.0 WITH LLVM-exception", true],
    ["GPL-2.0-only WITH Classpath-exception-2.0", false],
    ["NOASSERTION", false],
    ["", false],
    ["MIT OR", false],
    ["(MIT", false],
  ])("%j is allowed: %s", (expression, expected) => {
    expect(licenseSatisfies(expression, permissive)).toBe(expected);
  });
});

describe("the license gate", () => {
  it("passes on every platform: each production package the lockfile names for any OS or CPU, sharp's Windows and macOS builds among them", () => {
    const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
      packages: Record<
        string,
        { version?: string; license?: string; dev?: boolean; optional?: boolean; os?: string[] }
      >;
    };
    const production = Object.entries(lock.packages)
      .filter(([where, entry]) => where.startsWith("node_modules/") && !entry.dev)
      .map(([where, entry]) => ({
        name: where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length),
        version: entry.version,
        license: entry.license ?? "NOASSERTION",
        os: entry.os,
      }));
    const otherPlatforms = production.filter((pkg) => pkg.os && !pkg.os.includes(process.platform));
    expect(otherPlatforms.map((pkg) => pkg.name)).toEqual(
      expect.arrayContaining(["@img/sharp-win32-x64", "@img/sharp-libvips-darwin-arm64"]),
    );
    const result = checkPackages(production);
    expect(result.violations).toEqual([]);
    expect(result.excepted.map((pkg: { name: string }) => pkg.name)).toEqual(
      expect.arrayContaining([
        "@img/sharp-win32-x64",
        "@img/sharp-libvips-darwin-arm64",
        "@img/sharp-libvips-linux-x64",
      ]),
    );
  });

  it("names the AGPL package in an SBOM and lets sharp's libvips through by its named exception", () => {
    const sbom = {
      documentDescribes: ["SPDXRef-root"],
      packages: [
        { SPDXID: "SPDXRef-root", name: "gatehouse", versionInfo: "0.1.0", licenseDeclared: "NOASSERTION" },
        { SPDXID: "a", name: "next", versionInfo: "15.5.29", licenseDeclared: "MIT" },
        { SPDXID: "b", name: "ua-parser-js", versionInfo: "2.0.10", licenseDeclared: "AGPL-3.0-or-later" },
        {
          SPDXID: "c",
          name: "@img/sharp-libvips-darwin-arm64",
          versionInfo: "1.3.4",
          licenseDeclared: "LGPL-3.0-or-later",
        },
        { SPDXID: "d", name: "mystery", versionInfo: "1.0.0", licenseDeclared: "NOASSERTION" },
      ],
    };
    const result = checkSbom(sbom);
    expect(result.total).toBe(4);
    expect(result.violations).toEqual([
      { name: "ua-parser-js", version: "2.0.10", license: "AGPL-3.0-or-later" },
      { name: "mystery", version: "1.0.0", license: "NOASSERTION" },
    ]);
    expect(result.excepted.map((p: { name: string }) => p.name)).toEqual(["@img/sharp-libvips-darwin-arm64"]);
  });

  it("an exception covers only its own license: LGPL elsewhere, or AGPL in sharp's name, still fails", () => {
    const sbom = {
      packages: [
        { SPDXID: "a", name: "some-lgpl-lib", versionInfo: "1.0.0", licenseDeclared: "LGPL-3.0-or-later" },
        { SPDXID: "b", name: "@img/sharp-libvips-linux-x64", versionInfo: "9.9.9", licenseDeclared: "AGPL-3.0-only" },
      ],
    };
    expect(checkSbom(sbom).violations.map((p: { name: string }) => p.name)).toEqual([
      "some-lgpl-lib",
      "@img/sharp-libvips-linux-x64",
    ]);
  });

  it("reads pnpm's license report the same way (pnpm installs are checked too)", () => {
    const report = {
      MIT: [{ name: "next", versions: ["15.5.29"], license: "MIT" }],
      "AGPL-3.0-or-later": [{ name: "ua-parser-js", versions: ["2.0.9", "2.0.10"], license: "AGPL-3.0-or-later" }],
    };
    const result = checkPackages(packagesFromPnpm(report));
    expect(result.total).toBe(3);
    expect(result.violations.map((p: { version: string }) => p.version)).toEqual(["2.0.9", "2.0.10"]);
  });

  it("the script exits 1 on the fixture SBOM that contains an AGPL package, and names it", () => {
    const run = spawnSync("node", ["scripts/licenses/check.mjs", "--sbom", AGPL_FIXTURE], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("ua-parser-js@2.0.10: AGPL-3.0-or-later");
  });
});
