import { spawn } from "node:child_process";
import path from "node:path";
import type { SentEmail } from "../fakes/resend";

const root = path.resolve(import.meta.dirname, "../..");

export interface FakeResend {
  url: string;
  emailsTo(to: string): Promise<SentEmail[]>;
  stop(): void;
}

/**
 * The local fake Resend (tests/fakes/resend.ts) as its own process on a free port, for tests that
 * send through the real `resend` SDK (RESEND_BASE_URL). Resolves once it is listening.
 */
export function startFakeResend(): Promise<FakeResend> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fakes/resend.ts"], {
    cwd: root,
    env: { ...process.env, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.once("exit", (code) => reject(new Error(`the fake Resend exited (${code}) before listening: ${output}`)));
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const url = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      if (!url) return;
      child.removeAllListeners("exit");
      resolve({
        url,
        emailsTo: async (to) =>
          (await (await fetch(`${url}/__test__/emails?to=${encodeURIComponent(to)}`)).json()) as SentEmail[],
        stop: () => child.kill("SIGTERM"),
      });
    });
  });
}
