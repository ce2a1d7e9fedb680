import { describe, expect, it } from "vitest";
import { clientIpFrom } from "@/server/security/client-ip";

const from = (xff: string | null, extra: Record<string, string> = {}) =>
  new Headers({ ...(xff === null ? {} : { "x-forwarded-for": xff }), ...extra });

describe("the client IP comes from the hops we trust", () => {
  it("one proxy (the default): the entry it appended, never what the client wrote before it", () => {
    expect(clientIpFrom(from("6.6.6.6, 203.0.113.7"), { hops: 1 })).toBe("203.0.113.7");
    expect(clientIpFrom(from("1.1.1.1, 2.2.2.2, 203.0.113.7"), { hops: 1 })).toBe("203.0.113.7");
  });

  it("two proxies (a CDN, then nginx): the entry the outer one appended", () => {
    expect(clientIpFrom(from("6.6.6.6, 203.0.113.7, 10.0.0.2"), { hops: 2 })).toBe("203.0.113.7");
  });

  it("no header written by a client: the one Next.js fills from the connection", () => {
    expect(clientIpFrom(from("203.0.113.7"), { hops: 1 })).toBe("203.0.113.7");
  });

  it("fewer entries than hops: the leftmost, the best there is", () => {
    expect(clientIpFrom(from("203.0.113.7"), { hops: 3 })).toBe("203.0.113.7");
  });

  it("X-Real-IP is ignored unless configured; a configured header is used as it is", () => {
    const headers = from("203.0.113.7", { "x-real-ip": "6.6.6.6", "cf-connecting-ip": "198.51.100.4" });
    expect(clientIpFrom(headers, { hops: 1 })).toBe("203.0.113.7");
    expect(clientIpFrom(headers, { hops: 1, header: "cf-connecting-ip" })).toBe("198.51.100.4");
  });

  it("nothing to go on: unknown", () => {
    expect(clientIpFrom(from(null), { hops: 1 })).toBe("unknown");
    expect(clientIpFrom(from(null), { hops: 1, header: "x-real-ip" })).toBe("unknown");
  });
});
