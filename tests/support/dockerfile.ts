// Reads a Dockerfile and a .dockerignore the way `docker build` does, for the parts this
// project's Dockerfile uses: ARG defaults, FROM … AS, WORKDIR, ENV, COPY [--from] [--chown], RUN
// (shell form), CMD (exec form), and instructions that only describe the image (USER, VOLUME,
// EXPOSE, HEALTHCHECK). Anything else is an error, so a new instruction cannot slip past the replay
// in tests/integration/dockerfile.test.ts unread.
import { readdirSync } from "node:fs";
import path from "node:path";

export interface CopyStep {
  kind: "copy";
  from: string | null;
  sources: string[];
  destination: string;
}
export interface RunStep {
  kind: "run";
  command: string;
}
export type Step = CopyStep | RunStep;

export interface Stage {
  name: string;
  /** An earlier stage's name, or a base image. */
  base: string;
  workdir: string;
  env: Record<string, string>;
  steps: Step[];
  cmd: string[] | null;
  /** HEALTHCHECK's exec-form command, if any. */
  healthcheck: string[] | null;
}

const DESCRIPTIVE = new Set(["USER", "VOLUME", "EXPOSE", "LABEL", "STOPSIGNAL"]);

/** Logical lines: comments and blank lines out, backslash continuations joined. */
function instructions(text: string): string[] {
  const lines: string[] = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (!current && (line.trim() === "" || line.trimStart().startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    lines.push((current + line).trim());
    current = "";
  }
  if (current) lines.push(current.trim());
  return lines;
}

/** KEY=value pairs (ENV's modern form); values may be double-quoted. */
function pairs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    const value = match[2]!;
    out[match[1]!] = value.startsWith('"') ? (JSON.parse(value) as string) : value;
  }
  return out;
}

export function parseDockerfile(text: string): Stage[] {
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  const substitute = (value: string) =>
    value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => args[name] ?? "");
  for (const line of instructions(text)) {
    const [keyword, ...restParts] = line.split(/\s+/);
    const instruction = keyword!.toUpperCase();
    const rest = line.slice(keyword!.length).trim();
    const stage = stages.at(-1);
    if (instruction === "ARG") {
      Object.assign(args, pairs(rest));
      continue;
    }
    if (instruction === "FROM") {
      const [image, as, name] = restParts.map(substitute);
      if (!image || as?.toUpperCase() !== "AS" || !name) throw new Error(`FROM without a stage name: ${line}`);
      const parent = stages.find((s) => s.name === image);
      stages.push({
        name,
        base: image,
        workdir: parent?.workdir ?? "/",
        env: { ...parent?.env },
        steps: [],
        cmd: parent?.cmd ?? null,
        healthcheck: parent?.healthcheck ?? null,
      });
      continue;
    }
    if (!stage) throw new Error(`${instruction} before any FROM`);
    if (instruction === "WORKDIR") stage.workdir = path.posix.resolve(stage.workdir, rest);
    else if (instruction === "ENV") Object.assign(stage.env, pairs(rest));
    else if (instruction === "RUN") stage.steps.push({ kind: "run", command: rest });
    else if (instruction === "CMD") stage.cmd = JSON.parse(rest) as string[];
    else if (instruction === "HEALTHCHECK") {
      const exec = rest.match(/CMD\s+(\[.*\])$/);
      if (!exec) throw new Error(`HEALTHCHECK must use the exec form: ${line}`);
      stage.healthcheck = JSON.parse(exec[1]!) as string[];
    } else if (instruction === "COPY") {
      const words = restParts.filter((word) => word.length > 0);
      const from = words.find((word) => word.startsWith("--from="))?.slice("--from=".length) ?? null;
      const unknownFlag = words.find((word) => word.startsWith("--") && !/^--(from|chown)=/.test(word));
      if (unknownFlag) throw new Error(`COPY flag not understood by the replay: ${unknownFlag}`);
      const operands = words.filter((word) => !word.startsWith("--"));
      if (operands.length < 2) throw new Error(`COPY needs a source and a destination: ${line}`);
      stage.steps.push({ kind: "copy", from, sources: operands.slice(0, -1), destination: operands.at(-1)! });
    } else if (!DESCRIPTIVE.has(instruction)) {
      throw new Error(`Dockerfile instruction the replay does not understand: ${instruction}`);
    }
  }
  return stages;
}

interface IgnoreRule {
  negate: boolean;
  pattern: RegExp;
}

/** .dockerignore patterns: Go's filepath.Match per segment plus `**`; the last matching rule wins. */
export function parseDockerignore(text: string): IgnoreRule[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const negate = line.startsWith("!");
      const glob = path.posix.normalize(line.slice(negate ? 1 : 0)).replace(/^\/+/, "");
      let source = "";
      for (let i = 0; i < glob.length; i++) {
        const char = glob[i]!;
        if (char === "*" && glob[i + 1] === "*") {
          source += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
          i += glob[i + 2] === "/" ? 2 : 1;
        } else if (char === "*") source += "[^/]*";
        else if (char === "?") source += "[^/]";
        else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
      }
      return { negate, pattern: new RegExp(`^${source}$`) };
    });
}

/** Whether a context path (relative, with /) is left out: it, or a folder above it, matched last by an excluding rule. */
export function isIgnored(relative: string, rules: IgnoreRule[]): boolean {
  let ignored = false;
  const segments = relative.split("/");
  for (const rule of rules) {
    for (let depth = 1; depth <= segments.length; depth++) {
      if (rule.pattern.test(segments.slice(0, depth).join("/"))) {
        ignored = !rule.negate;
        break;
      }
    }
  }
  return ignored;
}

/** Every file of the build context under `relative` (a file or a folder), after .dockerignore. */
export function contextFiles(root: string, relative: string, rules: IgnoreRule[]): string[] {
  const clean = path.posix
    .normalize(relative)
    .replace(/^\.\/?/, "")
    .replace(/\/$/, "");
  const walk = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const child = dir ? `${dir}/${entry.name}` : entry.name;
      if (isIgnored(child, rules)) return [];
      return entry.isDirectory() ? walk(child) : [child];
    });
  if (clean && isIgnored(clean, rules)) return [];
  try {
    return walk(clean);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") return [clean];
    if (code === "ENOENT") return [];
    throw error;
  }
}
