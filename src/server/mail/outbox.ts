import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";

/** A message kept on disk instead of being sent (development and tests without a Resend key). */
export interface OutboxMessage {
  id: string;
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  createdAt: string;
}

function outboxDir(): string {
  return path.resolve(env.OUTBOX_DIR ?? ".outbox");
}

const ID_PATTERN = /^[0-9]{13}-[a-f0-9]{8}$/;

export async function writeToOutbox(message: Omit<OutboxMessage, "id" | "createdAt">): Promise<OutboxMessage> {
  const stored: OutboxMessage = {
    ...message,
    id: `${Date.now()}-${randomBytes(4).toString("hex")}`,
    createdAt: new Date().toISOString(),
  };
  await mkdir(outboxDir(), { recursive: true });
  await writeFile(path.join(outboxDir(), `${stored.id}.json`), JSON.stringify(stored, null, 2));
  return stored;
}

/** Newest first. */
export async function listOutbox(limit = 50): Promise<OutboxMessage[]> {
  let files: string[];
  try {
    files = await readdir(outboxDir());
  } catch {
    return [];
  }
  const ids = files
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .filter((id) => ID_PATTERN.test(id))
    .sort()
    .reverse()
    .slice(0, limit);
  const messages = await Promise.all(ids.map((id) => readOutboxMessage(id)));
  return messages.filter((m): m is OutboxMessage => m !== null);
}

export async function readOutboxMessage(id: string): Promise<OutboxMessage | null> {
  if (!ID_PATTERN.test(id)) return null;
  try {
    return JSON.parse(await readFile(path.join(outboxDir(), `${id}.json`), "utf8")) as OutboxMessage;
  } catch {
    return null;
  }
}
