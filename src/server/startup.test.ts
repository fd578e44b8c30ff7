import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabaseUrl, onPostgres } from "./testing/database.ts";
import { expectRefusal, killAll, type Running, spawnServer } from "./testing/process.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "gg-start-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  killAll();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ADMIN = { DEMO: "0", ADMIN_PHONE: "13912345678", ADMIN_PASSWORD: "start-up-test-1" };

async function adminToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone: ADMIN.ADMIN_PHONE, password: ADMIN.ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
  const res = await fetch(`${url}/api/v1/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: url },
    body: JSON.stringify({ name: "crash test" }),
  });
  return (await res.json()).token;
}

async function districtId(url: string, auth: Record<string, string>): Promise<string> {
  const res = await fetch(`${url}/api/v1/territory/nodes`, { headers: auth });
  return (await res.json()).items[0].id;
}

describe("start-up refusals", () => {
  it("warns at start when a database server's key file lies inside DATA_DIR", async () => {
    // No server answers on port 1: the start fails right after the warning, so none is needed.
    const unreachable = { DATA_DIR: tempDir(), DATABASE_URL: "postgres://127.0.0.1:1/none", PII_KEY: "" };
    const warned = await expectRefusal(unreachable);
    expect(warned.output).toMatch(/pii\.key lies inside DATA_DIR .* set PII_KEY in the environment/);
    const keyed = await expectRefusal({ ...unreachable, PII_KEY: "ab".repeat(32) });
    expect(keyed.output).not.toContain("inside DATA_DIR");
  });

  it("stops the server when `npm start` is sent SIGTERM (a service manager stopping it)", async () => {
    const npm = await spawnServer({ DATA_DIR: tempDir(), ...ADMIN }, { viaNpm: true });
    npm.proc.kill("SIGTERM");
    await npm.exited;
    // Before, npm and its shell went and the server stayed, holding the port and DATA_DIR.
    await expect(fetch(`${npm.url}/healthz`)).rejects.toThrow();
    expect(npm.output()).toContain("Stopped.");
  });

  it("refuses DEMO=0 without a first administrator, naming the variables to set", async () => {
    const refused = await expectRefusal({ DATA_DIR: tempDir(), DEMO: "0" });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("ADMIN_PHONE and ADMIN_PASSWORD");
  });
});

describe(`crash safety and shutdown (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("keeps every write answered 2xx when killed with SIGKILL mid-stream, and starts again on the same data", async () => {
    const target = await freshDatabaseUrl();
    const env = { DATA_DIR: tempDir(), ...ADMIN, ...(target.url ? { DATABASE_URL: target.url } : {}) };
    try {
      let server: Running = await spawnServer(env);
      const auth = { authorization: `Bearer ${await adminToken(server.url)}` };
      const parentId = await districtId(server.url, auth);
      const acknowledged: string[] = [];
      let stop = false;
      const writer = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const code = `CRASH-${w}-${i}`;
          try {
            const res = await fetch(`${server.url}/api/v1/territory/nodes`, {
              method: "POST",
              headers: { ...auth, "content-type": "application/json" },
              body: JSON.stringify({ parentId, level: "street", code, name: `街道${w}-${i}` }),
            });
            if (res.status === 201) acknowledged.push(code);
          } catch {
            return; // the connection died with the process
          }
        }
      };
      const writers = Array.from({ length: 6 }, (_, w) => writer(w));
      await new Promise((r) => setTimeout(r, 2_000));
      server.proc.kill("SIGKILL");
      stop = true;
      await Promise.all(writers);
      await server.exited;
      expect(acknowledged.length).toBeGreaterThan(10);

      server = await spawnServer(env);
      try {
        const stored = new Set<string>();
        for (let page = 1; ; page++) {
          const res = await fetch(
            `${server.url}/api/v1/territory/nodes?parentId=${parentId}&pageSize=200&page=${page}`,
            { headers: auth },
          );
          const body = await res.json();
          for (const n of body.items) stored.add(n.code);
          if (page * 200 >= body.total) break;
        }
        expect(acknowledged.filter((c) => !stored.has(c))).toEqual([]);
      } finally {
        server.proc.kill("SIGTERM");
        await server.exited;
      }
    } finally {
      await target.drop();
    }
  }, 120_000);

  it("on SIGTERM finishes in-flight requests, exits 0 and frees the data directory", async () => {
    const dir = tempDir();
    // Request logging lets the test signal only once every request has reached the server: one whose
    // bytes were still unread would be an idle connection, which any graceful close may drop.
    const server = await spawnServer({ DATA_DIR: dir, ...ADMIN, LOG_REQUESTS: "1" });
    // Logins are slow on purpose (scrypt), so they are still being handled when the signal lands.
    const login = () =>
      fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone: ADMIN.ADMIN_PHONE, password: ADMIN.ADMIN_PASSWORD }),
      }).then((r) => r.status);
    const inflight = Array.from({ length: 6 }, login);
    const received = () => server.output().split('"incoming request"').length - 1;
    while (received() < inflight.length) await new Promise((r) => setTimeout(r, 5));
    server.proc.kill("SIGTERM");
    const statuses = await Promise.all(inflight);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const code = await server.exited;
    expect(server.output()).toContain("Stopped.");
    expect(code).toBe(0);
    const again = await spawnServer({ DATA_DIR: dir, ...ADMIN });
    again.proc.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  }, 60_000);
});
