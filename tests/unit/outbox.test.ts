import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listOutbox, readOutboxMessage, writeToOutbox } from "@/server/mail/outbox";
import { uniqueEmail } from "../support/users";

const message = (to: string, subject: string) => ({
  to,
  from: "Gatehouse <login@gatehouse.localhost>",
  subject,
  html: `<p>${subject}</p>`,
  text: subject,
});

/** Message ids start with the time in milliseconds; wait for the clock to move on. */
async function nextMillisecond() {
  const start = Date.now();
  while (Date.now() === start) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe("the development outbox", () => {
  it("keeps each message and reads it back by its id", async () => {
    const to = uniqueEmail("outbox-read");
    const stored = await writeToOutbox(message(to, "Hello"));
    expect(stored.id).toMatch(/^\d{13}-[a-f0-9]{8}$/);
    expect(new Date(stored.createdAt).toString()).not.toBe("Invalid Date");
    expect(await readOutboxMessage(stored.id)).toEqual(stored);
  });

  it("lists messages newest first", async () => {
    const to = uniqueEmail("outbox-order");
    const first = await writeToOutbox(message(to, "first"));
    await nextMillisecond();
    const second = await writeToOutbox(message(to, "second"));
    await nextMillisecond();
    const third = await writeToOutbox(message(to, "third"));

    const mine = (await listOutbox(500)).filter((m) => m.to === to);
    expect(mine.map((m) => m.id)).toEqual([third.id, second.id, first.id]);
  });

  it("returns null for an id it does not have", async () => {
    expect(await readOutboxMessage("0000000000000-00000000")).toBeNull();
    expect(await readOutboxMessage("")).toBeNull();
  });

  it("refuses ids that try to leave the outbox folder, even when the file they point at exists", async () => {
    const outside = `gatehouse-outbox-escape-${randomBytes(4).toString("hex")}`;
    const outsidePath = path.join(path.resolve(process.env.OUTBOX_DIR!), "..", `${outside}.json`);
    await writeFile(outsidePath, JSON.stringify(message("victim@example.com", "secret")));
    try {
      for (const id of [
        `../${outside}`,
        "../../etc/passwd",
        "..%2F..%2Fetc%2Fpasswd",
        "/etc/passwd",
        `0000000000000-00000000/../../${outside}`,
      ]) {
        expect(await readOutboxMessage(id), id).toBeNull();
      }
    } finally {
      await rm(outsidePath, { force: true });
    }
  });
});
