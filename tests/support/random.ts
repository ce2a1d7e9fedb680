import { randomInt, randomUUID } from "node:crypto";

/** A unique address per test: tests run in parallel against one database. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

/** A random IPv4 address, `first.x.y.z` (10 by default: a private address, as a proxy would report it). */
export function randomIp(first = 10): string {
  return `${first}.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}
