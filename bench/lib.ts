import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { loadConfig } from "../src/server/config.ts";
import { createServer, type Server } from "../src/server/server.ts";
import { throwawayDatabase } from "../src/server/testing/database.ts";

const run = promisify(execFile);
export const RESULTS_DIR = resolve(import.meta.dirname, "results");

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

/**
 * Load from a second process (autocannon's CLI), so the load generator does not steal the
 * server's event loop; the server under test runs in this process.
 */
export async function load(
  url: string,
  opts: { connections: number; seconds: number; headers?: Record<string, string>; rate?: number },
): Promise<LoadResult> {
  const args = ["-j", "-c", String(opts.connections), "-d", String(opts.seconds)];
  // A fixed rate (requests per second, all connections together) measures latency without saturating.
  if (opts.rate) args.push("-R", String(opts.rate));
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push("-H", `${k}=${v}`);
  const bin = resolve(import.meta.dirname, "../node_modules/.bin/autocannon");
  const { stdout } = await run(bin, [...args, url], { maxBuffer: 16 * 1024 * 1024 });
  const r = JSON.parse(stdout);
  return {
    requestsPerSecond: Math.round(r.requests.average),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

export function writeResult(name: string, result: object): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = resolve(RESULTS_DIR, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), node: process.version, ...result }, null, 2)}\n`,
  );
  console.log(`  → ${file}`);
}

export interface BenchServer {
  server: Server;
  /** How long the server took to start, demo district loaded (without making the database). */
  startMs: number;
  /** Stops the server and removes what it made. */
  dispose: () => Promise<void>;
}

/**
 * A demo-district server for a benchmark: PGlite in a temporary directory, or with `databaseUrl`
 * a throwaway database on that PostgreSQL server.
 */
export async function serverOn(
  databaseUrl: string | undefined,
  tmpPrefix = "gg-bench-",
): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), tmpPrefix));
  const target = databaseUrl ? await throwawayDatabase(databaseUrl, "gg_bench") : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    DEMO: "1",
    ...(target ? { DATABASE_URL: target.url } : {}),
  });
  const started = performance.now();
  const server = await createServer(config);
  return {
    server,
    startMs: Math.round(performance.now() - started),
    dispose: async () => {
      await server.close();
      await target?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The server of the run: on DATABASE_URL's PostgreSQL server when it is set, else on PGlite. */
export const benchServer = (): Promise<BenchServer> => serverOn(process.env.DATABASE_URL);

/** Listens on a free local port; the base URL to call. */
export async function listenLocal(server: Server): Promise<string> {
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  const address = server.app.server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

const DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * A benchmark that compares the databases: `run` on PGlite, then on PostgreSQL (DATABASE_URL, or
 * the local default) when a server answers there, else that run is recorded as skipped.
 */
export async function onEachDatabase<T>(
  run: (databaseUrl: string | undefined) => Promise<T>,
): Promise<{ pglite: T; postgres: T | { skipped: string } }> {
  const pglite = await run(undefined);
  const url = process.env.DATABASE_URL ?? DEFAULT_PG;
  if (await reachable(url)) return { pglite, postgres: await run(url) };
  console.log(`  PostgreSQL at ${new URL(url).host} not reachable: left out`);
  return { pglite, postgres: { skipped: `not reachable at ${new URL(url).host}` } };
}

/** p50, p95, p99 and max of `values` (milliseconds), to a tenth. */
export function quantiles(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = values.slice().sort((a, b) => a - b);
  const at = (q: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** Whether a PostgreSQL server answers at `url` (the PostgreSQL run is left out when not). */
export async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** A bearer token of a demo account: log in, then create a token with the session. */
export async function tokenOf(base: string, phone: string): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone, password: "demo12345" }),
  });
  const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
  if (login.status !== 200 || !cookie) throw new Error(`login ${phone} failed: ${login.status}`);
  const res = await fetch(`${base}/api/v1/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: base },
    body: JSON.stringify({ name: "bench" }),
  });
  if (res.status !== 201) throw new Error(`token for ${phone} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
