import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { VERSION_CHECK_MS } from "./modules/territory/geo.ts";
import { centroidOf } from "./platform/geo/index.ts";
import { freshDatabaseUrl, onPostgres, type TestDatabaseUrl } from "./testing/database.ts";
import { DEMO_PASSWORD, PHONES } from "./testing/harness.ts";
import { expectRefusal, killAll, type Running, spawnServer } from "./testing/process.ts";

// Several instances: on PostgreSQL two processes share one database and must agree; the embedded
// database admits one process only. Each pass checks what holds for its database.
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "gg-instances-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  killAll();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Point = { lat: number; lng: number };
type Ring = Array<[number, number]>;
type Geometry = { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };

/** A call to one server; `auth` is a bearer token or a session cookie (sent with the site's Origin). */
async function call(
  server: Running,
  path: string,
  auth: string,
  init: { method?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = auth.startsWith("sid=")
    ? { cookie: auth, origin: server.url }
    : { authorization: `Bearer ${auth}` };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function sessionOn(server: Running, phone: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie")?.split(";")[0] ?? "";
}

/** Polls until `seen` holds; how long that took in ms (fails past `limitMs`). */
async function within(limitMs: number, seen: () => Promise<boolean>, everyMs = 20): Promise<number> {
  const started = performance.now();
  while (!(await seen())) {
    if (performance.now() - started > limitMs) throw new Error(`not seen within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return Math.round(performance.now() - started);
}

/** The outer ring of a polygon (of a multipolygon's first part). */
const outerRing = (g: Geometry): Ring =>
  (g.type === "Polygon" ? g.coordinates[0] : g.coordinates[0]?.[0]) ?? [];
/** A vertex moved `share` of the way to the centre: a grid's polygon shrunk so stays inside it. */
const towards = ([lng, lat]: [number, number], centre: Point, share: number): [number, number] => [
  lng + (centre.lng - lng) * share,
  lat + (centre.lat - lat) * share,
];

if (onPostgres) {
  describe("two servers on one PostgreSQL database", () => {
    let target: TestDatabaseUrl;
    let a: Running;
    let b: Running;
    let sql: pg.Client;
    beforeAll(async () => {
      target = await freshDatabaseUrl(inject("pgTemplate"));
      // As the README asks of several processes: one database, one DATA_DIR, one key.
      const env = {
        DATABASE_URL: target.url ?? "",
        DATA_DIR: tempDir(),
        PII_KEY: inject("piiKey"),
        DEMO: "1",
      };
      [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
      sql = new pg.Client({ connectionString: target.url });
      await sql.connect();
    });
    afterAll(async () => {
      for (const s of [a, b]) s?.proc.kill("SIGTERM");
      await Promise.all([a?.exited, b?.exited]);
      await sql?.end();
      await target?.drop();
    });

    it("a session made on one is valid on the other; a logout on one ends it on the other within 5 s", async () => {
      const cookie = await sessionOn(a, PHONES.districtAdmin);
      const me = await call(b, "/auth/me", cookie);
      expect(me.status).toBe(200);
      expect(me.json.user.phone).toBe(PHONES.districtAdmin);
      expect((await call(a, "/auth/logout", cookie, { method: "POST" })).status).toBe(204);
      // B keeps the user it resolved for at most its five seconds.
      const ms = await within(6_000, async () => (await call(b, "/auth/me", cookie)).status === 401);
      console.log(`instances: logout on A refused by B after ${ms} ms`);
    });

    it("a grid's new polygon and a community's new name reach the other's locate within its refresh time", async () => {
      const admin = await sessionOn(a, PHONES.districtAdmin);
      const grids = await call(a, "/territory/grids?format=geojson", admin);
      const grid = grids.json.features[0];
      const geometry = grid.geometry as Geometry;
      const [lng = 0, lat = 0] = centroidOf(geometry);
      const centre = { lat, lng };
      // Near a corner: inside the grid now, outside it once its polygon is shrunk halfway to the centre.
      const [edgeLng, edgeLat] = towards(outerRing(geometry)[0] ?? [lng, lat], centre, 0.2);
      const edge = { lat: edgeLat, lng: edgeLng };
      const locate = (p: Point) => call(b, `/territory/locate?lat=${p.lat}&lng=${p.lng}`, admin);
      expect((await locate(edge)).json.grid.id).toBe(grid.properties.id);

      const put = await call(a, `/territory/nodes/${grid.properties.id}/geometry`, admin, {
        method: "PUT",
        body: { type: "Polygon", coordinates: [outerRing(geometry).map((p) => towards(p, centre, 0.5))] },
      });
      expect(put.status).toBe(200);
      const limit = VERSION_CHECK_MS + 1_000; // the check interval, and time for a loaded machine to rebuild
      const moved = await within(limit, async () => (await locate(edge)).status === 404);
      expect((await locate(centre)).json.grid.id).toBe(grid.properties.id);

      const renamed = `改名社区${Date.now() % 10_000}`;
      const patch = await call(a, `/territory/nodes/${grid.properties.communityId}`, admin, {
        method: "PATCH",
        body: { name: renamed },
      });
      expect(patch.status).toBe(200);
      const named = await within(limit, async () => (await locate(centre)).json.community.name === renamed);
      console.log(`instances: B's locate saw A's polygon after ${moved} ms, A's rename after ${named} ms`);
    });

    it("proposes duplicates across the two: of reports of one thing sent to both at once, all but one name another", async () => {
      const worker = await sessionOn(a, PHONES.gridWorker);
      const token = (await call(a, "/auth/tokens", worker, { method: "POST", body: { name: "instances" } }))
        .json.token as string;
      const gridId = (await call(b, "/auth/me", token)).json.user.roles[0].nodeId;
      const [lng = 0, lat = 0] = centroidOf(
        (await call(a, `/territory/nodes/${gridId}`, token)).json.geometry,
      );
      const categories = ["safety", "dispute", "sanitation"];
      const sent = categories.flatMap((categoryCode) =>
        Array.from({ length: 10 }, (_, i) =>
          call(i % 2 ? a : b, "/cases", token, {
            method: "POST",
            body: { channel: "patrol", categoryCode, description: `同一件事 ${i}`, location: { lat, lng } },
          }).then((r) => ({ categoryCode, ...r })),
        ),
      );
      const answers = await Promise.all(sent);
      expect(answers.map((r) => r.status)).toEqual(Array(answers.length).fill(201));
      for (const code of categories) {
        const written = answers.filter((r) => r.categoryCode === code).map((r) => r.json);
        const ids = new Set(written.map((w) => w.id));
        expect(
          written.filter((w) => w.suggestedMasterId === null),
          code,
        ).toHaveLength(1);
        expect(written.every((w) => w.suggestedMasterId === null || ids.has(w.suggestedMasterId))).toBe(true);
      }
    });

    it("runs each minute job once a minute across both (and once at each one's start)", {
      timeout: 120_000,
    }, async () => {
      const { rows: schedules } = await sql.query<{ name: string }>(
        "select name from pgboss.schedule where cron = '* * * * *' order by name",
      );
      expect(schedules.map((s) => s.name)).toEqual(
        expect.arrayContaining(["cases.deadlines", "cases.figures", "orders.misses"]),
      );
      // Each process's pg-boss looks for due ticks every 30 s (first at start, before the schedules
      // exist); a timestamp in the database lets one process in per 30 s, and a singleton key makes
      // one `send-it` row per job and minute, which whichever process takes it turns into the job.
      // The first tick comes 30 or 60 s after start (the check at start used up the first 30 s); the
      // jobs also run once at each process's start.
      const counts = async () =>
        (
          await sql.query<{ name: string; ticks: number; pending: number; jobs: number; done: number }>(
            `select s.name,
               (select count(*)::int from pgboss.job t where t.name = '__pgboss__send-it' and t.singleton_key = s.name) as ticks,
               (select count(*)::int from pgboss.job t where t.name = '__pgboss__send-it' and t.singleton_key = s.name
                  and t.state <> 'completed') as pending,
               (select count(*)::int from pgboss.job j where j.name = s.name) as jobs,
               (select count(*)::int from pgboss.job j where j.name = s.name and j.state = 'completed'
                  and j.retry_count = 0) as done
             from pgboss.schedule s where s.cron = '* * * * *' order by s.name`,
          )
        ).rows;
      let rows = await counts();
      const waited = await within(
        100_000,
        async () => {
          rows = await counts();
          return rows.every((r) => r.ticks > 0 && r.pending === 0 && r.done === r.jobs);
        },
        250,
      );
      for (const r of rows) expect(r.jobs, r.name).toBe(2 + r.ticks);
      console.log(
        `instances: minute jobs after ${waited} ms: ${rows.map((r) => `${r.name} ${r.ticks} tick(s), ${r.jobs} runs`).join("; ")}`,
      );
    });
  });
} else {
  describe("one server per embedded database", () => {
    it("refuses a second process on the same data directory, so the first one's caches are the only ones", async () => {
      const dir = tempDir();
      const env = { DATA_DIR: dir, DEMO: "0", ADMIN_PHONE: "13912345678", ADMIN_PASSWORD: "instances-1" };
      const first = await spawnServer(env);
      try {
        const second = await expectRefusal(env);
        expect(second.output).toMatch(/in use by another server \(pid \d+\)/);
        expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
      } finally {
        first.proc.kill("SIGTERM");
        await first.exited;
      }
    });
  });
}
