import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchGitHubProfile } from "@/server/auth/github-profile";

/** A GitHub API that lists a primary address written in full-width letters. */
let apiBase = "";
const server = createServer((req, res) => {
  res.setHeader("content-type", "application/json");
  if (req.url === "/user") res.end(JSON.stringify({ id: 7, login: "ada", name: "Ada", email: null }));
  else res.end(JSON.stringify([{ email: " ＡＤＡ＠Example.COM ", primary: true, verified: true }]));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the address GitHub gives", () => {
  it("is normalised like every other way in (NFKC, trimmed, lowercased)", async () => {
    const profile = await fetchGitHubProfile("token", apiBase);
    expect(profile.email).toBe("ada@example.com");
    expect(profile.email_verified).toBe(true);
  });
});
