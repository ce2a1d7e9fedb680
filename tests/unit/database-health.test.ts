import { createServer, connect, type AddressInfo, type Server } from "node:net";
import { Prisma, PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/server/database/health";
import { db } from "@/server/db";
import { createDatabaseAdapter } from "@/server/database/adapter";
import { schemaProvider } from "../../scripts/database.mjs";
import { uniqueEmail } from "../support/users";

/**
 * isDatabaseUnavailable tells "the database is down" (503) from everything else (a bug: 500).
 * The errors are real where this machine can make them: the project's database unreachable (a
 * SQLite file that can't be opened, or a PostgreSQL server that refuses), a refused and a reset TCP connection, a unique-constraint failure; the rest are built the way the
 * driver or Prisma builds them.
 */
const clientVersion = Prisma.prismaVersion.client;

async function errorFrom(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to fail");
}

/** A port with nothing listening on it: listen, note the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function socketError(port: number): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve) => connect(port, "127.0.0.1").on("error", resolve));
}

describe("the database is unavailable", () => {
  // Unreachable databases of this project's kind, opened through the app's own adapter.
  const unreachable: Array<[string, () => Promise<string>]> =
    schemaProvider() === "sqlite"
      ? [
          ["a SQLite file that can't be opened", async () => "file:/nonexistent-dir/gatehouse.db"],
          [
            "a libsql server that refuses the connection (fetch failed, caused by ECONNREFUSED)",
            async () => `http://127.0.0.1:${await closedPort()}`,
          ],
        ]
      : [
          [
            "a PostgreSQL server that refuses the connection",
            async () => `postgresql://postgres@127.0.0.1:${await closedPort()}/gatehouse`,
          ],
        ];

  it.each(unreachable)("%s, through the app's adapter", async (_, url) => {
    const client = new PrismaClient({ adapter: createDatabaseAdapter(await url()) });
    const error = await errorFrom(() => client.$queryRaw`SELECT 1`);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("a refused socket, and one the server resets", async () => {
    expect(isDatabaseUnavailable(await socketError(await closedPort()))).toBe(true);
    const resetting: Server = createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => resetting.listen(0, "127.0.0.1", resolve));
    const reset = await socketError((resetting.address() as AddressInfo).port);
    resetting.close();
    expect(reset.code).toBe("ECONNRESET");
    expect(isDatabaseUnavailable(reset)).toBe(true);
  });

  it("a driver's error whose cause is a refused or timed-out socket, or a host whose addresses all refuse", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" });
    const timedOut = Object.assign(new Error("connect ETIMEDOUT 10.0.0.5:5432"), { code: "ETIMEDOUT" });
    expect(isDatabaseUnavailable(new TypeError("fetch failed", { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("query failed", { cause: timedOut }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused, refused], "connect failed"))).toBe(true);
  });

  it("pg's 'Connection terminated' (a server restart or a proxy cutting the line)", () => {
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated due to connection timeout"))).toBe(true);
  });

  it("Prisma's start-up error, and its codes for unreachable, timed out and closed", () => {
    const init = new Prisma.PrismaClientInitializationError("Can't reach database server", clientVersion, "P1001");
    expect(isDatabaseUnavailable(init)).toBe(true);
    for (const code of ["P1001", "P1002", "P1008", "P1017"]) {
      const error = new Prisma.PrismaClientKnownRequestError("down", { code, clientVersion });
      expect(isDatabaseUnavailable(error), code).toBe(true);
    }
  });

  it("a raw query that could not reach PostgreSQL (P2010, the reason in its message; seen through a cut connection)", () => {
    const message =
      "Invalid `prisma.$queryRaw()` invocation:\nRaw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:3799`";
    const error = new Prisma.PrismaClientKnownRequestError(message, { code: "P2010", clientVersion });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("a driver adapter's error naming an unreachable database", () => {
    for (const kind of ["DatabaseNotReachable", "SocketTimeout", "ConnectionClosed"]) {
      const error = Object.assign(new Error(kind), { name: "DriverAdapterError", cause: { kind } });
      expect(isDatabaseUnavailable(error), kind).toBe(true);
    }
  });
});

describe("everything else is not an outage", () => {
  it("a unique-constraint failure from the real database (P2002)", async () => {
    const email = uniqueEmail("db-health");
    await db.user.create({ data: { email } });
    const error = await errorFrom(() => db.user.create({ data: { email } }));
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("other Prisma codes, driver errors of another kind, bugs and non-errors", () => {
    const notFound = new Prisma.PrismaClientKnownRequestError("missing", { code: "P2025", clientVersion });
    const constraint = Object.assign(new Error("unique"), {
      name: "DriverAdapterError",
      cause: { kind: "UniqueConstraintViolation" },
    });
    for (const error of [notFound, constraint, new TypeError("x is undefined"), "down", null, undefined, 42]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
