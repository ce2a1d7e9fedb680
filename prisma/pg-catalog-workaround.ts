/**
 * OFFLINE WORKAROUND: for the Prisma CLI only (prisma.config.ts); the app never loads this file.
 *
 * Why it exists: this project runs Prisma's schema engine as WebAssembly (`engine: "js"`), because
 * the native engine is downloaded at run time and that fails without internet (ADR 0001). The
 * WebAssembly engine reads PostgreSQL's catalog through @prisma/adapter-pg, and adapter-pg 6.x
 * refuses catalog columns of type `name` ("Column type 'name' could not be deserialized"), so
 * `migrate deploy` and `migrate status` fail (Prisma issue #27403; adapter-pg 7 maps `name`).
 *
 * What it does: a node-postgres Pool that reports `name` columns as `text` (their values already
 * arrive as strings). Nothing else changes.
 *
 * When to delete it: tests/postgres/pg-catalog-workaround.test.ts fails the day adapter-pg reads
 * `name` by itself; then give prisma.config.ts a plain `new PrismaPg({ connectionString })`.
 */
import pg from "pg";

const NAME_OID = 19;
const TEXT_OID = 25;

type Result = { fields?: Array<{ dataTypeID: number }> };

function nameAsText<T>(result: T): T {
  for (const field of (result as Result | undefined)?.fields ?? []) {
    if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

function reportingNameAsText(client: pg.PoolClient): pg.PoolClient {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    return result instanceof Promise ? result.then(nameAsText) : result;
  };
  return client;
}

export class CatalogPool extends pg.Pool {
  override query(...args: unknown[]): never {
    return (super.query as (...a: unknown[]) => Promise<unknown>)(...args).then(nameAsText) as never;
  }

  override connect(...args: unknown[]): never {
    if (args.length > 0) return (super.connect as (...a: unknown[]) => never)(...args);
    return super.connect().then(reportingNameAsText) as never;
  }
}
