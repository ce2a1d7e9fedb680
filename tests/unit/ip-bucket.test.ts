import { describe, expect, it } from "vitest";
import { ipBucket } from "@/server/security/ip-bucket";

describe("the key a per-address limit counts", () => {
  it("is the address itself for IPv4", () => {
    expect(ipBucket("203.0.113.9")).toBe("203.0.113.9");
  });

  it("is the /64 for IPv6, however the address is written", () => {
    const bucket = "2001:db8:1:2::/64";
    for (const address of [
      "2001:db8:1:2::1",
      "2001:0db8:0001:0002:ffff:ffff:ffff:fffe",
      "2001:DB8:1:2:abcd::9",
      "2001:db8:1:2:0:0:0:1%eth0",
      " 2001:db8:1:2::a ",
    ]) {
      expect(ipBucket(address), address).toBe(bucket);
    }
    expect(ipBucket("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(ipBucket("::1")).toBe("0:0:0:0::/64");
    expect(ipBucket("64:ff9b::203.0.113.9")).toBe("64:ff9b:0:0::/64");
  });

  it("is the IPv4 address for an IPv4-mapped IPv6 address", () => {
    expect(ipBucket("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(ipBucket("::ffff:cb00:7109")).toBe("203.0.113.9");
  });

  it("leaves anything that is not an address as it is", () => {
    expect(ipBucket("unknown")).toBe("unknown");
    expect(ipBucket("2001:db8::1::2")).toBe("2001:db8::1::2");
  });
});
