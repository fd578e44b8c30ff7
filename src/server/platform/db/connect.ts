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
  /**
   * LISTEN on a channel: `handler` gets each payload NOTIFYed on it (by this process or another on
   * the same database), once its transaction commits. Returns the function that stops listening.
   */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
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
  const listen = (channel: string, handler: (payload: string) => void) => client.listen(channel, handler);
  return { kind: "pglite", db, executeSql, listen, close: () => client.close() };
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
  const listener = new Listener(url);
  const close = async () => {
    await listener.close();
    await pool.end();
  };
  return { kind: "postgres", db, executeSql, url, listen: (c, h) => listener.listen(c, h), close };
}

const RECONNECT_MS = 2_000;

/**
 * One dedicated connection per process for LISTEN (a pooled one would lose its LISTENs when handed
 * back), opened on the first listen. A lost connection is reopened and its channels listened to
 * again; what was notified in between is missed, so listeners should also refetch on their own.
 */
class Listener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(private readonly url: string) {}

  async listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>> {
    if (this.closed) throw new Error("the database is closed");
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    try {
      const client = await this.connect();
      if (first) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(channel);
      throw err;
    }
    return async () => {
      const mine = this.handlers.get(channel);
      if (!mine?.delete(handler) || mine.size > 0) return;
      this.handlers.delete(channel);
      await this.client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
    };
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on("notification", (n) => {
        for (const h of this.handlers.get(n.channel) ?? []) h(n.payload ?? "");
      });
      client.on("error", () => this.lost(client));
      client.on("end", () => this.lost(client));
      try {
        await client.connect();
        for (const channel of this.handlers.keys())
          await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } finally {
        this.connecting = undefined;
      }
      this.client = client;
      return client;
    })();
    return this.connecting;
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => {});
    this.reconnectLater();
  }

  private reconnectLater() {
    if (this.closed || this.handlers.size === 0) return;
    this.retry = setTimeout(() => {
      this.connect().catch(() => this.reconnectLater());
    }, RECONNECT_MS);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
