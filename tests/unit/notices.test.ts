import { describe, expect, it } from "vitest";
import { sendNotice } from "@/server/mail/messages";
import { allowConsoleError } from "../support/console-guard";

describe("a notice's failure never undoes what happened", () => {
  it("a send that throws is logged, not thrown", async () => {
    allowConsoleError(/the password-changed notice could not be sent/);
    await expect(
      sendNotice("password-changed", () => Promise.reject(new Error("mail API down"))),
    ).resolves.toBeUndefined();
  });

  it("a send that works is simply awaited", async () => {
    let sent = false;
    await sendNotice("password-changed", async () => {
      sent = true;
    });
    expect(sent).toBe(true);
  });
});
