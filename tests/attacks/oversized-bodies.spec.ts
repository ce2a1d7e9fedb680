import { expect, test } from "@playwright/test";
import { APP_URL } from "../e2e/env";
import { Attacker } from "./support/attacker";

/**
 * Attack: send huge bodies to the doors that parse forms (Auth.js's endpoints, the code form,
 * server actions), to tie up the server before any limit is counted. Bodies over 16 KiB are
 * refused from their declared length, before they are read.
 */
const big = "x".repeat(17 * 1024);

test("Auth.js's endpoints refuse a body over 16 KiB with 413", async () => {
  const attacker = new Attacker();
  for (const path of ["/api/auth/callback/credentials", "/api/auth/signin/resend"]) {
    const reply = await attacker.post(path, [
      ["email", "someone@example.com"],
      ["padding", big],
    ]);
    expect(reply.status, path).toBe(413);
  }
});

test("the code form and server actions refuse a body over 16 KiB with 413", async () => {
  const attacker = new Attacker();
  const form = await attacker.post("/sign-in/code", [
    ["email", "someone@example.com"],
    ["code", "123456"],
    ["padding", big],
  ]);
  expect(form.status).toBe(413);
  const action = await attacker.post("/sign-in", [["padding", big]], { "next-action": "0".repeat(40) });
  expect(action.status).toBe(413);
});

test("a body with no declared length (chunked) is refused with 411", async () => {
  const attacker = new Attacker();
  const reply = await attacker.send("POST", "/api/auth/callback/credentials", undefined, {
    origin: APP_URL,
    "transfer-encoding": "chunked",
    "content-type": "application/x-www-form-urlencoded",
  });
  expect(reply.status).toBe(411);
});

test("a normal sign-in form is well within the limit", async () => {
  const attacker = new Attacker();
  const csrfToken = await attacker.csrfToken();
  const reply = await attacker.post("/api/auth/callback/credentials", [
    ["email", "someone@example.com"],
    ["password", "a-password-of-normal-length"],
    ["csrfToken", csrfToken],
  ]);
  expect(reply.status).toBe(302);
});
