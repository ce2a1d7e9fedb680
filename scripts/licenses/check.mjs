#!/usr/bin/env node
// `npm run licenses`: the dependency license gate. Reads the production SBOM that npm builds
// (`npm sbom --omit=dev --sbom-format spdx`, offline; `pnpm licenses list --prod` when pnpm
// installed node_modules) and fails on any package whose license is not allowed by
// scripts/licenses/policy.mjs.
//   node scripts/licenses/check.mjs               check this project's installed production packages
//   node scripts/licenses/check.mjs --sbom FILE   check an SPDX SBOM file instead
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ALLOWED_LICENSES, EXCEPTIONS } from "./policy.mjs";

/** Splits an SPDX license expression into tokens: ids, AND, OR, WITH, parentheses. */
function tokenize(expression) {
  return expression.replace(/[()]/g, " $& ").trim().split(/\s+/).filter(Boolean);
}

/**
 * Does an SPDX expression satisfy `isAllowed`? "A OR B" needs one of them, "A AND B" both;
 * "A WITH exception" is judged by A. Anything unparsable is not allowed.
 */
export function licenseSatisfies(expression, isAllowed) {
  const tokens = tokenize(expression ?? "");
  let position = 0;
  const peek = () => tokens[position]?.toUpperCase();

  function primary() {
    const token = tokens[position++];
    if (token === undefined) throw new Error("unexpected end");
    if (token === "(") {
      const value = disjunction();
      if (tokens[position++] !== ")") throw new Error("missing )");
      return value;
    }
    if (["AND", "OR", "WITH", ")"].includes(token.toUpperCase())) throw new Error(`unexpected ${token}`);
    if (peek() === "WITH") position += 2;
    return isAllowed(token);
  }
  function conjunction() {
    let value = primary();
    while (peek() === "AND") {
      position++;
      value = primary() && value;
    }
    return value;
  }
  function disjunction() {
    let value = conjunction();
    while (peek() === "OR") {
      position++;
      value = conjunction() || value;
    }
    return value;
  }

  try {
    const value = disjunction();
    return position === tokens.length && value;
  } catch {
    return false;
  }
}

function matchesPattern(name, pattern) {
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return regex.test(name);
}

/** The production packages an SPDX SBOM lists (without the project itself): name, version, license. */
export function packagesFromSpdx(sbom) {
  const root = new Set(sbom.documentDescribes ?? []);
  return (sbom.packages ?? [])
    .filter((pkg) => !root.has(pkg.SPDXID))
    .map((pkg) => ({
      name: pkg.name,
      version: pkg.versionInfo,
      // NOASSERTION: npm found no license, which the gate treats like any unknown license.
      license: pkg.licenseDeclared ?? pkg.licenseConcluded ?? "NOASSERTION",
    }));
}

/** The same list from `pnpm licenses list --prod --json` (npm sbom can't read pnpm's node_modules). */
export function packagesFromPnpm(report) {
  return Object.values(report).flatMap((entries) =>
    entries.flatMap((entry) =>
      entry.versions.map((version) => ({ name: entry.name, version, license: entry.license })),
    ),
  );
}

/** Judges each package against the policy: the license counts, and the packages that break it. */
export function checkPackages(packages, policy = { allowed: ALLOWED_LICENSES, exceptions: EXCEPTIONS }) {
  const allowed = new Set(policy.allowed);
  const counts = {};
  const violations = [];
  const excepted = [];
  for (const pkg of packages) {
    const license = pkg.license || "NOASSERTION";
    counts[license] = (counts[license] ?? 0) + 1;
    if (licenseSatisfies(license, (id) => allowed.has(id))) continue;
    const exception = policy.exceptions.find(
      (e) =>
        matchesPattern(pkg.name, e.packages) && licenseSatisfies(license, (id) => allowed.has(id) || id === e.license),
    );
    const entry = { name: pkg.name, version: pkg.version, license };
    if (exception) excepted.push(entry);
    else violations.push(entry);
  }
  return { total: packages.length, counts, violations, excepted };
}

export function checkSbom(sbom, policy) {
  return checkPackages(packagesFromSpdx(sbom), policy);
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function run(command, args) {
  return execFileSync(command, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** The installed production packages: from npm's SBOM, or from pnpm when pnpm installed them. */
function readPackages(argv) {
  const index = argv.indexOf("--sbom");
  if (index !== -1)
    return { source: argv[index + 1], packages: packagesFromSpdx(JSON.parse(readFileSync(argv[index + 1], "utf8"))) };
  if (existsSync(path.join(ROOT, "node_modules/.modules.yaml"))) {
    return {
      source: "pnpm licenses list --prod",
      packages: packagesFromPnpm(JSON.parse(run("pnpm", ["licenses", "list", "--prod", "--json"]))),
    };
  }
  return {
    source: "npm sbom --omit=dev",
    packages: packagesFromSpdx(JSON.parse(run("npm", ["sbom", "--omit=dev", "--sbom-format", "spdx"]))),
  };
}

function main() {
  const { source, packages } = readPackages(process.argv.slice(2));
  const { total, counts, violations, excepted } = checkPackages(packages);
  const summary = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([license, count]) => `${license} ${count}`)
    .join(", ");
  console.log(`Licenses of ${total} production packages (${source}): ${summary}`);
  for (const p of excepted) console.log(`  allowed by a named exception: ${p.name}@${p.version} (${p.license})`);
  if (violations.length > 0) {
    console.error(`\n${violations.length} production package(s) with a license outside scripts/licenses/policy.mjs:`);
    for (const p of violations) console.error(`  ${p.name}@${p.version}: ${p.license}`);
    console.error("\nReplace the package, or add a named, explained exception to the policy after review.");
    process.exit(1);
  }
  console.log("License gate: passed.");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
