// The Dockerfile, proved without a Docker engine (none runs on this project's machines; the GitHub
// workflow runs `docker build` for real):
// - every COPY source exists in the build context, after .dockerignore, and no local state (a
//   database, an .env file, node_modules, a build) is in that context;
// - the replay: each stage gets a folder of its own standing for its file system, built from its
//   base stage, its COPY steps and its RUN commands, run there the way the image would run them
//   (in its WORKDIR, with its ENV and nothing of this process's environment but PATH, HOME and
//   npm's registry settings). Then the migrate stage migrates a fresh SQLite file on a stand-in
//   volume, and the runner stage's CMD starts the server from exactly the files that stage holds:
//   /api/health answers 200, and so does the image's HEALTHCHECK command.
// The replay builds the app (npm ci, next build), so `npm test` runs it on its own, after the other
// process tests (vitest.config.ts, VITEST_GROUP=alone). SQLite only: it is the image's default.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contextFiles, isIgnored, parseDockerfile, parseDockerignore, type Stage } from "../support/dockerfile";

const root = path.resolve(import.meta.dirname, "../..");
const stages = parseDockerfile(readFileSync(path.join(root, "Dockerfile"), "utf8"));
const ignore = parseDockerignore(readFileSync(path.join(root, ".dockerignore"), "utf8"));

describe("the Dockerfile's build context", () => {
  it("names stages that exist, and every COPY source is in the context", () => {
    expect(stages.map((stage) => stage.name)).toEqual(["deps", "build", "migrate", "runner"]);
    for (const [index, stage] of stages.entries()) {
      for (const step of stage.steps) {
        if (step.kind !== "copy") continue;
        if (step.from) {
          expect(
            stages.slice(0, index).map((s) => s.name),
            `${stage.name}: COPY --from=${step.from}`,
          ).toContain(step.from);
          continue;
        }
        for (const source of step.sources) {
          expect(contextFiles(root, source, ignore).length, `${stage.name}: COPY ${source}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it("leaves out a database, a WAL or an .env file in any folder (Docker's `*.db` matches the top level only)", () => {
    for (const file of [
      "gatehouse.db",
      "prisma/dev.db",
      "prisma/dev.db-wal",
      ".env.local",
      "node_modules/next/package.json",
    ]) {
      expect(isIgnored(file, ignore), file).toBe(true);
    }
    expect(isIgnored("prisma/dev.db", parseDockerignore("*.db"))).toBe(false);
    expect(isIgnored(".env.example", ignore)).toBe(false);
  });

  it("holds no local state: databases, .env files, node_modules, builds, outboxes", () => {
    const leaked = contextFiles(root, ".", ignore).filter((file) =>
      /(^|\/)(node_modules|\.next[^/]*|\.outbox|\.tmp|test-results)\/|\.db(-journal|-wal|-shm)?$|(^|\/)\.env(\.(?!example$)[^/]*)?$/.test(
        file,
      ),
    );
    expect(leaked).toEqual([]);
  });
});

// What a process gets: only what is named here (next's types make NODE_ENV look always set).
type Env = NodeJS.ProcessEnv;
const asEnv = (values: Record<string, string | undefined>) => values as Env;

/** A container path inside a stage's folder. */
const inStage = (fs: string, containerPath: string) => path.join(fs, containerPath);

/** What a Docker build gives a RUN: the stage's ENV, and of this machine only what reaches the registry. */
function buildEnv(stage: Stage): Env {
  const kept = Object.entries(process.env).filter(
    ([name]) => ["PATH", "HOME", "TMPDIR"].includes(name) || name.toLowerCase().startsWith("npm_config_"),
  );
  return asEnv({ ...Object.fromEntries(kept), ...stage.env });
}

function copyInto(fs: string, stage: Stage, sourceRoot: string, source: string, destination: string, files?: string[]) {
  const target = inStage(fs, path.posix.resolve(stage.workdir, destination));
  const isDir = statSync(path.join(sourceRoot, source)).isDirectory();
  if (!isDir) {
    const into = destination.endsWith("/") ? path.join(target, path.basename(source)) : target;
    mkdirSync(path.dirname(into), { recursive: true });
    cpSync(path.join(sourceRoot, source), into);
    return;
  }
  // A folder's contents go into the destination; from the context, only what .dockerignore lets through.
  if (!files) {
    cpSync(path.join(sourceRoot, source), target, { recursive: true, verbatimSymlinks: true });
    return;
  }
  const base = path.posix
    .normalize(source)
    .replace(/^\.\/?/, "")
    .replace(/\/$/, "");
  for (const file of files) {
    const into = path.join(target, base ? path.posix.relative(base, file) : file);
    mkdirSync(path.dirname(into), { recursive: true });
    cpSync(path.join(sourceRoot, file), into);
  }
}

/** A command to its end, without blocking this worker (Vitest's worker must keep answering). */
function exec(command: string, args: string[], options: { cwd?: string; env: Env }) {
  return new Promise<{ status: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, options);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

async function run(command: string, cwd: string, env: Env, fs: string) {
  // Absolute paths in the command are the image's: they land in the stage's folder. The image's
  // `node` user does not exist on this machine, so `chown` to it is a no-op here (ownership is the
  // one thing a folder cannot stand in for).
  const mapped = command.replace(/(^|[\s=])\/(?=[A-Za-z])/g, `$1${fs}/`);
  const script = `chown() { if id node >/dev/null 2>&1; then command chown "$@"; fi; }\n${mapped}`;
  const result = await exec("sh", ["-c", script], { cwd, env });
  if (result.status !== 0) throw new Error(`RUN ${command} failed (${result.status}):\n${result.output}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** The replay builds the app from nothing: minutes on 2 busy cores. */
const REPLAY_BUDGET_MS = 20 * 60_000;

// RUN lines are POSIX shell, as in the image: the replay needs `sh` (Windows has none; the
// workflow's `docker build` covers it there).
describe.skipIf(process.platform === "win32")("the image, replayed stage by stage", () => {
  let work: string | null = null;
  const folders = new Map<string, string>();
  let server: ReturnType<typeof spawn> | null = null;
  // Deleting every stage's copy (each with its node_modules) is disk work a busy machine slows as
  // much as the build itself: it gets the build's budget, not the 30 s a hook gets by default.
  afterAll(async () => {
    server?.kill("SIGTERM");
    if (work) await rm(work, { recursive: true, force: true });
  }, REPLAY_BUDGET_MS);

  it(
    "builds every stage, migrates a fresh volume and serves /api/health from the runner's files alone",
    async () => {
      work = mkdtempSync(path.join(tmpdir(), "gatehouse-docker-"));
      for (const stage of stages) {
        const fs = path.join(work, stage.name);
        const parent = folders.get(stage.base);
        if (parent) cpSync(parent, fs, { recursive: true, verbatimSymlinks: true });
        mkdirSync(inStage(fs, stage.workdir), { recursive: true });
        folders.set(stage.name, fs);
        for (const step of stage.steps) {
          if (step.kind === "run") {
            await run(step.command, inStage(fs, stage.workdir), buildEnv(stage), fs);
            continue;
          }
          for (const source of step.sources) {
            if (step.from) {
              const from = folders.get(step.from)!;
              copyInto(fs, stage, from, path.posix.relative("/", source), step.destination);
            } else {
              copyInto(fs, stage, root, source, step.destination, contextFiles(root, source, ignore));
            }
          }
        }
      }

      // The volume both containers mount at /data, and what production.env would hold.
      const runner = stages.at(-1)!;
      const migrate = stages.find((stage) => stage.name === "migrate")!;
      const volume = path.join(work, "volume");
      mkdirSync(volume);
      const database = { DATABASE_URL: `file:${path.join(volume, "gatehouse.db")}` };
      const [migrateCommand, ...migrateArgs] = migrate.cmd!;
      const migrated = await exec(migrateCommand!, migrateArgs, {
        cwd: inStage(folders.get("migrate")!, migrate.workdir),
        env: { ...buildEnv(migrate), ...database },
      });
      expect(migrated.status, migrated.output).toBe(0);
      expect(migrated.output).toMatch(/migrations? (have been successfully applied|applied)/i);

      const runnerApp = inStage(folders.get(runner.name)!, runner.workdir);
      expect(existsSync(path.join(runnerApp, "node_modules/next"))).toBe(true);
      // Node looks for packages in every folder above the app: none of them may hold any.
      for (let dir = path.dirname(runnerApp); dir !== path.dirname(dir); dir = path.dirname(dir)) {
        expect(existsSync(path.join(dir, "node_modules")), dir).toBe(false);
      }
      const port = await freePort();
      const env = asEnv({
        PATH: process.env.PATH,
        ...runner.env,
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        AUTH_SECRET: "docker-replay-secret-0123456789abcdef0123",
        AUTH_URL: `http://localhost:${port}`,
        AUTH_RESEND_KEY: "re_docker_replay",
        EMAIL_FROM: "Gatehouse <login@example.com>",
        ...database,
      });
      const [command, ...args] = runner.cmd!;
      let output = "";
      const started = spawn(command!, args, { cwd: runnerApp, env });
      server = started;
      started.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      started.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<never>((_, reject) =>
        started.on("exit", (code) => reject(new Error(`server.js exited (${code}):\n${output}`))),
      );
      let status = 0;
      while (status !== 200) {
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 250))]);
        status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (response) => response.status,
          () => 0,
        );
      }
      expect(status).toBe(200);

      const [check, ...checkArgs] = runner.healthcheck!;
      const healthy = await exec(check!, checkArgs, { env });
      expect(healthy.status, healthy.output).toBe(0);
    },
    // A hang guard only: npm ci and next build, with the machine to itself.
    REPLAY_BUDGET_MS,
  );
});
