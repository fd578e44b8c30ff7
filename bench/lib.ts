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
  opts: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const args = ["-j", "-c", String(opts.connections), "-d", String(opts.seconds)];
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

/**
 * A demo-district server for a benchmark: PGlite in a temporary directory, or with DATABASE_URL
 * a throwaway database on that server. `dispose` stops it and removes what it made.
 */
export async function benchServer(): Promise<{ server: Server; dispose: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-bench-"));
  const target = process.env.DATABASE_URL
    ? await throwawayDatabase(process.env.DATABASE_URL, "gg_bench")
    : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    DEMO: "1",
    ...(target ? { DATABASE_URL: target.url } : {}),
  });
  const server = await createServer(config);
  return {
    server,
    dispose: async () => {
      await server.close();
      await target?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
