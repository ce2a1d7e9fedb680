import { readFileSync } from "node:fs";
import path from "node:path";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import semver from "semver";
import { describe, expect, it } from "vitest";

// The GitHub workflow a cloning team gets on its first push. It cannot run here, so it is read
// with GitHub's own workflow parser (@actions/workflow-parser, the schema GitHub's editor uses)
// and held to what .ci/run does.
const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const content = read(".github/workflows/ci.yml");

function parse(text: string) {
  const result = parseWorkflow({ name: "ci.yml", content: text }, new NoOperationTraceWriter());
  return { result, errors: result.context.errors.getErrors().map((error) => error.message) };
}

/** The commands of the README's "Quick start" block, comments stripped. */
function quickStartCommands(): string[] {
  const block = read("README.md").match(/## Quick start\s+```bash\n([\s\S]*?)```/);
  if (!block) throw new Error('README.md has no "Quick start" bash block');
  return block[1]!
    .split("\n")
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter(Boolean);
}

describe("the GitHub workflow", () => {
  it("is valid for GitHub's workflow schema (and the validator does refuse a broken one)", () => {
    expect(parse(content).errors).toEqual([]);
    expect(parse(content.replace("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest")).errors).not.toEqual([]);
  });

  it("runs the README's test command, then Redis, two instances and PostgreSQL, as .ci/run does", async () => {
    const { result } = parse(content);
    const template = await convertWorkflowTemplate(result.context, result.value!);
    const test = template.jobs.find((job) => job.id.value === "test");
    if (!test || test.type !== "job") throw new Error("no test job");
    const runs = test.steps.flatMap((step) => ("run" in step ? [String(step.run)] : []));
    const testCommand = quickStartCommands().find((command) => command.includes("test"));
    expect(testCommand).toBe("npm test");
    expect(runs).toContain(testCommand);
    expect(runs.indexOf("npm test")).toBeLessThan(runs.indexOf("npm run test:redis"));
    expect(runs.join("\n")).toContain("npm run test:multi");
    expect(runs.join("\n")).toMatch(
      /npm run db:use-postgres\nnpm run db:migrate\nnode scripts\/test\.mjs --suites-only/,
    );
    expect(runs).toContain("npx playwright install --with-deps chromium");
    expect(content).toMatch(/services:\s+postgres:[\s\S]*redis:/);
    expect(content).toContain("cache: npm");
    expect(content).toContain("docker build -t gatehouse .");
  });

  it("tests the supported Node.js LTS lines: .nvmrc's among them, each one inside package.json's engines", () => {
    const lines = content
      .match(/node: \[([\d, ]+)\]/)![1]!
      .split(",")
      .map((line) => Number(line.trim()));
    const nvmrc = Number.parseInt(read(".nvmrc"), 10);
    expect(lines).toContain(nvmrc);
    expect(lines.every((line) => line % 2 === 0)).toBe(true);
    const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
    for (const line of lines) expect(semver.satisfies(`${line}.99.0`, engines), `Node.js ${line}`).toBe(true);
  });
});

describe("renovate.json", () => {
  const config = JSON.parse(read("renovate.json")) as {
    packageRules: { matchPackageNames: string[]; groupName?: string; allowedVersions?: string }[];
  };
  const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string> };

  it("moves every Prisma package in one group", () => {
    const prisma = config.packageRules.find((rule) => rule.groupName === "Prisma")!;
    const names = Object.keys(pkg.dependencies).filter((name) => name === "prisma" || name.startsWith("@prisma/"));
    expect(prisma.matchPackageNames).toEqual(expect.arrayContaining([...names, "prisma"]));
  });

  it("holds @libsql/client inside the range @prisma/adapter-libsql accepts", () => {
    const adapter = JSON.parse(read("node_modules/@prisma/adapter-libsql/package.json")) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    const accepted = adapter.dependencies?.["@libsql/client"] ?? adapter.peerDependencies?.["@libsql/client"];
    const hold = config.packageRules.find((rule) => rule.matchPackageNames.includes("@libsql/client"))!;
    expect(accepted).toBeTruthy();
    expect(semver.subset(`${pkg.dependencies["@libsql/client"]} ${hold.allowedVersions}`, accepted!)).toBe(true);
  });
});
