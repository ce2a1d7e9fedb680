import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkNewPassword } from "@/server/security/password-policy";
import { isBreachedPassword } from "@/server/security/pwned-passwords";
import { newPasswordSchema } from "@/lib/validation";

describe("password policy (NIST SP 800-63B, OWASP ASVS 2.1)", () => {
  it("asks for 12 to 128 characters and nothing about composition", () => {
    expect(newPasswordSchema.safeParse("short").success).toBe(false);
    expect(newPasswordSchema.safeParse("elevenchars").success).toBe(false);
    expect(newPasswordSchema.safeParse("twelve-chars").success).toBe(true);
    expect(newPasswordSchema.safeParse("a".repeat(129)).success).toBe(false);
    expect(newPasswordSchema.safeParse("all lowercase words here").success).toBe(true);
  });

  it("allows long passphrases (64 and more), spaces kept as typed, and any Unicode", async () => {
    const long = "the quick brown fox jumps over the lazy dog while the moon rises slowly";
    expect(long.length).toBeGreaterThanOrEqual(64);
    expect(newPasswordSchema.parse(long)).toBe(long);
    expect(await checkNewPassword(long, {})).toBeNull();
    const spaced = "  spaces   stay   where   typed  ";
    expect(newPasswordSchema.parse(spaced)).toBe(spaced);
    const unicode = "café 東京 🦊 ñandú żółw rákóczi";
    expect(newPasswordSchema.parse(unicode)).toBe(unicode);
    expect(await checkNewPassword(unicode, {})).toBeNull();
  });

  it.each(["password123", "qwertyuiop", "iloveyou123", "1234567890", "Password1!"])(
    "refuses the common password %s",
    async (password) => {
      expect(await checkNewPassword(password, {})).toMatch(/too easy to guess/);
    },
  );

  it("refuses a password built from the person's own email or name", async () => {
    expect(await checkNewPassword("margaret.hamilton", { email: "margaret.hamilton@example.com" })).toMatch(
      /too easy to guess/,
    );
    expect(await checkNewPassword("GraceHopper1906", { name: "Grace Hopper" })).toMatch(/too easy to guess/);
  });

  it("accepts a passphrase of unrelated words, with no symbols or capitals needed", async () => {
    expect(await checkNewPassword("plinth marigold quartz lantern", { email: "ada@example.com" })).toBeNull();
    expect(await checkNewPassword("correct-horse-battery-staple-42", {})).toBeNull();
  });
});

describe("breached-password check (k-anonymity)", () => {
  async function withFakeRange(handler: (prefix: string) => { status: number; body: string; delayMs?: number }) {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      const prefix = req.url!.split("/").pop()!;
      requests.push(req.url!);
      const { status, body, delayMs = 0 } = handler(prefix);
      setTimeout(() => res.writeHead(status).end(body), delayMs);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { baseUrl, requests, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  const sha1 = (s: string) => createHash("sha1").update(s).digest("hex").toUpperCase();

  it("finds a breached password while sending only the first 5 hash characters", async () => {
    const password = "hunter2hunter2";
    const fake = await withFakeRange(() => ({ status: 200, body: `${sha1(password).slice(5)}:42\r\nABCDEF:0` }));
    try {
      expect(await isBreachedPassword(password, { baseUrl: fake.baseUrl })).toBe(true);
      expect(fake.requests).toEqual([`/range/${sha1(password).slice(0, 5)}`]);
      expect(fake.requests.join()).not.toContain(password);
      expect(await isBreachedPassword("not-in-the-list-at-all", { baseUrl: fake.baseUrl })).toBe(false);
    } finally {
      await fake.close();
    }
  });

  it("fails open when the service errors or is slow", async () => {
    const broken = await withFakeRange(() => ({ status: 503, body: "down" }));
    const slow = await withFakeRange(() => ({ status: 200, body: "", delayMs: 1000 }));
    try {
      expect(await isBreachedPassword("anything-at-all", { baseUrl: broken.baseUrl })).toBe(false);
      expect(await isBreachedPassword("anything-at-all", { baseUrl: slow.baseUrl, timeoutMs: 50 })).toBe(false);
    } finally {
      await broken.close();
      await slow.close();
    }
  });
});
