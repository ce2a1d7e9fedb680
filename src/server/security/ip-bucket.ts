import { isIP } from "node:net";

/**
 * The key a per-address rate limit counts a client under. An IPv4 address is its own bucket; an
 * IPv6 address counts as its /64, the block one subscriber or one cheap server is handed (counted
 * one by one, a single /64 would be 2^64 fresh budgets); an IPv4-mapped IPv6 address
 * (`::ffff:203.0.113.9`) counts as the IPv4 address it is. Anything else ("unknown") is its own key.
 */
export function ipBucket(address: string): string {
  const ip = address.trim().toLowerCase();
  if (isIP(ip) === 4) return ip;
  if (isIP(ip.split("%")[0] ?? "") !== 6) return ip;
  const groups = ipv6Groups(ip.split("%")[0]!);
  // ::ffff:a.b.c.d (and its hex form ::ffff:cb00:7109): an IPv4 client on a dual-stack socket.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (with "::" and a dotted IPv4 tail expanded). */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part ? part.split(":").map((g) => Number.parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
