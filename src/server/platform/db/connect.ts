import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";

/** The one database handle every module uses; the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything a query can run on: the database itself or an open transaction. */
export type Executor = Db | Tx;

/** Raw SQL runner in the shape pg-boss expects (`{ rows }`). */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  executeSql: ExecuteSql;
  /** The connection string on PostgreSQL (pg-boss opens its own pool there). */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a server; otherwise the embedded database. */
  url?: string;
  /** Directory for the embedded database; omitted = in memory (tests). */
  dataDir?: string;
  /** In memory, starting from a dump of another embedded database (tests). */
  loadDataDir?: Blob;
  /** An embedded database already opened by the caller (tests that dump it afterwards). */
  client?: PGlite;
}

// How many transactions can usefully run at once on a handle: one on PGlite, the pool's size on a server.
const parallelism = new WeakMap<Db, number>();
export const writeParallelism = (db: Db): number => parallelism.get(db) ?? 1;

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url);
  return openPglite(opts);
}

async function openPglite({ dataDir, loadDataDir, client: given }: DatabaseOptions): Promise<Database> {
  let path: string | undefined;
  if (dataDir) {
    path = join(dataDir, "pgdata");
    mkdirSync(path, { recursive: true });
  }
  const client = given ?? new PGlite({ dataDir: path, ...(loadDataDir ? { loadDataDir } : {}) });
  await client.waitReady;
  const db = drizzlePglite(client) as unknown as Db;
  const executeSql: ExecuteSql = async (text, values) => {
    if (values && values.length > 0) return client.query(text, values);
    // pg-boss sends parameterless multi-statement scripts; only exec() runs those on PGlite.
    const results = await client.exec(text);
    return results[results.length - 1] ?? { rows: [] };
  };
  return { kind: "pglite", db, executeSql, close: () => client.close() };
}

const POOL_SIZE = 10;

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle client that loses its server must not crash the process.
  pool.on("error", () => {});
  await pool.query("select 1");
  const db = drizzlePg(pool) as unknown as Db;
  parallelism.set(db, POOL_SIZE);
  const executeSql: ExecuteSql = (text, values) => pool.query(text, values as unknown[]);
  return { kind: "postgres", db, executeSql, url, close: () => pool.end() };
}
